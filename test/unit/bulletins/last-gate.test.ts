import { describe, expect, it } from 'vitest';
import { reverseAdoptions } from '../../../functions/bulletins/adoption-points';
import { refuseSecrecyMarkers } from '../../../functions/bulletins/publish-bulletin/last-gate';
import type { AppError } from '../../../shared/errors';
import type { StoredLedgerLine } from '../../../shared/store/dynamo/ledger';
import { bulletinItem, publishedBulletin } from '../../fixtures/bulletins';

const distribution = { report: ['省政府办公厅'], send: ['市委办公室'], issue: ['各县市区人民政府'] };

function refusal(issue: Parameters<typeof refuseSecrecyMarkers>[0]): AppError | undefined {
  try {
    refuseSecrecyMarkers(issue);
    return undefined;
  } catch (error) {
    return error as AppError;
  }
}

describe('the last secrecy gate of a publication', () => {
  it('lets an issue about secrecy work through', () => {
    const items = [bulletinItem({ title: '市保密局召开保密工作会议', body: '会议部署涉密人员培训工作。' })];
    expect(refusal({ items, signer: '刘秘书长', distribution })).toBeUndefined();
  });

  it.each([
    ['an item title', { items: [bulletinItem({ title: '机密★一年 潍城区整改情况' })] }, 'items.0'],
    ['an item body', { items: [bulletinItem(), bulletinItem({ body: '正文\n绝密★启用前' })] }, 'items.1'],
    ['a unit name', { items: [bulletinItem({ unitNames: ['【机密】潍城区'] })] }, 'items.0.unitNames.0'],
    ['the signer', { items: [bulletinItem()], signer: '秘密★' }, 'signer'],
  ])('refuses a marker in %s, naming it and where it is', (_, issue, path) => {
    const error = refusal({ signer: '刘秘书长', distribution, ...issue });
    expect(error).toMatchObject({ status: 422, code: 'SECRECY_REFUSED', details: [{ path }] });
    expect(error?.message).toMatch(/涉密标志“[^”]+”/);
  });

  it('refuses a marker in the distribution list', () => {
    const error = refusal({
      items: [bulletinItem()],
      distribution: { ...distribution, issue: ['各县市区', '内部资料 请勿外传'] },
    });
    expect(error).toMatchObject({ code: 'SECRECY_REFUSED', details: [{ path: 'distribution.issue.1' }] });
  });
});

describe('taking back the adoptions of a withdrawn issue', () => {
  const at = '2026-11-25T02:00:00.000Z';
  const line = (unitId: string, refId: string, points: number, rule = 'series:zwxx'): StoredLedgerLine => ({
    unitId,
    source: 'item',
    refId,
    rule,
    policyVersion: 2,
    points,
    reason: `《政务信息》2026年第12期采用 +${points}`,
    at,
  });

  it('negates the lines as stored (after a replay), for every credited unit, in the periods they counted', () => {
    const issue = publishedBulletin({
      publishedAt: at,
      items: [
        bulletinItem({ itemId: 'it_a', unitId: 'weicheng', coUnits: ['fgw'] }),
        bulletinItem({ itemId: 'it_b', unitId: 'weicheng' }),
      ],
    });
    const stored = [
      line('weicheng', 'it_a', 1.5),
      line('fgw', 'it_a', 1.5),
      line('weicheng', 'it_b', 4),
      line('weicheng', 'it_b', 10, 'upper:province-zwxx'),
    ];
    const classes = new Map([
      ['weicheng', 'county'],
      ['fgw', 'department'],
    ]);
    const { ledger, counters } = reverseAdoptions(issue, stored, classes);
    expect(
      ledger.map((entry) => [entry.unitId, entry.refId, entry.rule, entry.points, entry.reason]),
    ).toEqual([
      ['weicheng', 'it_a', 'series:zwxx:withdrawn', -1.5, '《政务信息》2026年第12期撤回 -1.5'],
      ['fgw', 'it_a', 'series:zwxx:withdrawn', -1.5, '《政务信息》2026年第12期撤回 -1.5'],
      ['weicheng', 'it_b', 'series:zwxx:withdrawn', -4, '《政务信息》2026年第12期撤回 -4'],
    ]);
    expect(ledger.every((entry) => entry.at === at && entry.policyVersion === 2)).toBe(true);
    expect(counters.filter((change) => change.period === '2026-11')).toEqual([
      { unitId: 'weicheng', unitClass: 'county', period: '2026-11', add: { adopted: -1, points: -1.5 } },
      { unitId: 'fgw', unitClass: 'department', period: '2026-11', add: { adopted: -1, points: -1.5 } },
      { unitId: 'weicheng', unitClass: 'county', period: '2026-11', add: { adopted: -1, points: -4 } },
    ]);
    expect(new Set(counters.map((change) => change.period))).toEqual(new Set(['2026-11', '2026-Q4', '2026']));
  });
});
