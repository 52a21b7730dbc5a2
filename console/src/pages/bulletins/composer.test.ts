import { describe, expect, it } from 'vitest';
import {
  bulletinConflictMessage,
  canAdd,
  issueLabel,
  maxBulletinItems,
  moved,
  parseRecipients,
  refusalText,
  withdrawReasonProblem,
} from './composer';

describe('the composer rules', () => {
  it('takes at most 15 items, the API limit', () => {
    expect(maxBulletinItems).toBe(15);
    expect(canAdd(14)).toBe(true);
    expect(canAdd(15)).toBe(false);
  });

  it('moves one entry and keeps the others in order', () => {
    expect(moved(['a', 'b', 'c', 'd'], 0, 2)).toEqual(['b', 'c', 'a', 'd']);
    expect(moved(['a', 'b', 'c', 'd'], 3, 0)).toEqual(['d', 'a', 'b', 'c']);
    expect(moved(['a', 'b'], 0, 5)).toEqual(['a', 'b']);
  });

  it('writes the issue number as the office does, once publishing assigned it', () => {
    expect(issueLabel({})).toBe('待发布');
    expect(issueLabel({ number: 3, total: 128 })).toBe('第3期（总第128期）');
  });

  it('reads 报/送/发 one name a line or separated by Chinese commas', () => {
    expect(parseRecipients('市委办公室\n市人大办公室、 市政协办公室\n\n')).toEqual([
      '市委办公室',
      '市人大办公室',
      '市政协办公室',
    ]);
  });

  it('requires a withdraw reason', () => {
    expect(withdrawReasonProblem('  ')).toBe('撤回必须填写原因');
    expect(withdrawReasonProblem('误')).toContain('至少');
    expect(withdrawReasonProblem('稿件数据有误')).toBeUndefined();
  });

  it('explains a version conflict instead of showing a bare refusal', () => {
    const conflict = refusalText(409, { error: { code: 'VERSION_CONFLICT', message: '这一期已被他人修改' } });
    expect(conflict).toEqual({ conflict: true, text: bulletinConflictMessage });
    const refused = refusalText(422, {
      error: { code: 'SIGNER_REQUIRED', message: '发布前须填写签发人' },
    });
    expect(refused).toEqual({ conflict: false, text: '发布前须填写签发人' });
  });
});
