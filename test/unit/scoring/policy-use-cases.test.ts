import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '#shared/domain/scoring/defaults';
import { ConflictError } from '#shared/errors';
import type { ScoringPolicyBody, StoredPolicy } from '#shared/schemas/policy';
import type { PolicyStore } from '#shared/store/dynamo/policy';
import { getPolicy } from '../../../functions/policy/get-policy/use-case';
import { putPolicy } from '../../../functions/policy/put-policy/use-case';

/** An in-memory store with the same version rule as the DynamoDB one. */
class MemoryPolicyStore implements PolicyStore {
  readonly rows = new Map<string, StoredPolicy>();
  async latest(year: number) {
    return this.rows.get(`${year}#latest`);
  }
  async version(year: number, version: number) {
    return this.rows.get(`${year}#${version}`);
  }
  async put(year: number, body: ScoringPolicyBody, expected: number, updatedBy: string, at: string) {
    if ((this.rows.get(`${year}#latest`)?.version ?? 0) !== expected) {
      throw new ConflictError('POLICY_CHANGED', 'changed');
    }
    const stored = { ...body, year, version: expected + 1, updatedBy, updatedAt: at };
    this.rows.set(`${year}#${stored.version}`, stored);
    this.rows.set(`${year}#latest`, stored);
    return stored;
  }
}

const { year: _y, version: _v, ...body } = defaultPolicy(2026);
const deps = () => ({ policies: new MemoryPolicyStore(), now: () => new Date('2026-11-25T08:00:00.000Z') });

describe('policy use cases', () => {
  it('answers the defaults as version 0 before anything is stored', async () => {
    expect(await getPolicy(deps(), 2027)).toEqual(defaultPolicy(2027));
  });

  it('stores each save as the next version and keeps older versions readable', async () => {
    const d = deps();
    const first = await putPolicy(d, 2026, body, 'tok-admin');
    expect(first).toMatchObject({
      year: 2026,
      version: 1,
      updatedBy: 'tok-admin',
      updatedAt: '2026-11-25T08:00:00.000Z',
    });
    const second = await putPolicy(d, 2026, { ...body, seriesPoints: { zwxx: 4 } }, 'tok-admin');
    expect(second.version).toBe(2);
    expect((await getPolicy(d, 2026)).seriesPoints).toEqual({ zwxx: 4 });
    expect((await getPolicy(d, 2026, 1)).seriesPoints).toEqual(body.seriesPoints);
    expect((await getPolicy(d, 2026, 0)).version).toBe(0);
    await expect(getPolicy(d, 2026, 9)).rejects.toMatchObject({
      status: 404,
      code: 'POLICY_VERSION_NOT_FOUND',
    });
  });
});
