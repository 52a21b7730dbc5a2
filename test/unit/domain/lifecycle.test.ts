import { describe, expect, it } from 'vitest';
import { canEdit, canMerge, canRevise, decide, type ItemStatus } from '#shared/domain/items/lifecycle';

const all: ItemStatus[] = ['submitted', 'returned', 'candidate', 'reserved', 'rejected', 'adopted', 'merged'];

describe('item lifecycle', () => {
  it('lets an editor move an open item to candidate, reserve, return or reject', () => {
    expect(decide('submitted', 'candidate', undefined)).toEqual({ ok: true, to: 'candidate' });
    expect(decide('submitted', 'reserve', undefined)).toEqual({ ok: true, to: 'reserved' });
    expect(decide('reserved', 'candidate', undefined)).toEqual({ ok: true, to: 'candidate' });
    expect(decide('candidate', 'reject', undefined)).toEqual({ ok: true, to: 'rejected' });
    expect(decide('submitted', 'return', '请补充数据')).toEqual({ ok: true, to: 'returned' });
  });

  it('requires a comment to return an item', () => {
    expect(decide('submitted', 'return', undefined).ok).toBe(false);
    expect(decide('submitted', 'return', '   ').ok).toBe(false);
  });

  it('closes rejected, adopted, merged and returned items to decisions', () => {
    for (const status of ['rejected', 'adopted', 'merged', 'returned'] as const) {
      for (const decision of ['candidate', 'reserve', 'return', 'reject'] as const) {
        expect(decide(status, decision, 'x').ok, `${status} ${decision}`).toBe(false);
      }
    }
  });

  it('refuses a decision that changes nothing', () => {
    expect(decide('candidate', 'candidate', undefined).ok).toBe(false);
  });

  it('lets only returned items be revised, and only open items be edited or merged', () => {
    expect(all.filter(canRevise)).toEqual(['returned']);
    expect(all.filter(canEdit)).toEqual(['submitted', 'candidate', 'reserved']);
    expect(all.filter(canMerge)).toEqual(['submitted', 'candidate', 'reserved']);
  });
});
