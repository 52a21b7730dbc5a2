/** A replay reads adoptions from the published issues and scores them as publishing did. */
import { describe, expect, it } from 'vitest';
import { defaultPolicy, replayLedger } from '#shared/domain/scoring/index';
import { adoptionFacts } from '../../../functions/policy/replay-year/adoptions';
import { bulletinItem, publishedBulletin } from '../../fixtures/bulletins';

describe('adoptions in a replay', () => {
  it('credits each item of a published issue, a merged one to each of its units, at the publication', () => {
    const issue = publishedBulletin({
      publishedAt: '2026-03-02T02:00:00.000Z',
      items: [
        bulletinItem({ itemId: 'it_01', unitId: 'weicheng' }),
        bulletinItem({ itemId: 'it_02', unitId: 'anqiu', coUnits: ['fgw'] }),
      ],
    });
    const lines = replayLedger(adoptionFacts([issue]), defaultPolicy(2026));
    expect(lines.map((line) => [line.unitId, line.points, line.reason, line.at])).toEqual([
      [
        'anqiu',
        1.5,
        '《政务信息》2026年第12期采用（合并信息，2 家单位平分）+1.5',
        '2026-03-02T02:00:00.000Z',
      ],
      ['fgw', 1.5, '《政务信息》2026年第12期采用（合并信息，2 家单位平分）+1.5', '2026-03-02T02:00:00.000Z'],
      ['weicheng', 3, '《政务信息》2026年第12期采用 +3', '2026-03-02T02:00:00.000Z'],
    ]);
  });

  it('reads nothing from an issue that was never numbered and published', () => {
    const { number: _n, publishedAt: _p, ...draft } = publishedBulletin();
    expect(adoptionFacts([{ ...draft, status: 'draft' }])).toEqual([]);
  });
});
