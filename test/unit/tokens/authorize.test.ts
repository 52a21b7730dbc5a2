import { describe, expect, it } from 'vitest';
import { authorize } from '#functions/authorizer/authorize';
import { issueToken } from '#functions/tokens/issue-token/use-case';
import { revokeToken } from '#functions/tokens/revoke-token/use-case';
import { MemoryTokenStore, MemoryUnitStore } from '../../support/memory-stores';

function setup(start = '2026-11-25T08:00:00.000Z') {
  let now = new Date(start);
  const tokens = new MemoryTokenStore();
  const units = new MemoryUnitStore();
  const deps = { tokens, units, now: () => now };
  return {
    deps,
    tokens,
    units,
    advance: (ms: number) => {
      now = new Date(now.getTime() + ms);
    },
  };
}

describe('tokens and the authorizer', () => {
  it('stores only the SHA-256 of a token and shows the secret once', async () => {
    const { deps, tokens } = setup();
    const issued = await issueToken(deps, { role: 'editor', label: '信息科 王编辑' }, 'cli');
    expect(issued.token).toMatch(/^xb_[A-Za-z0-9_-]{43}$/);
    const stored = [...tokens.tokens.values()];
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(issued.token);
    expect(stored[0]?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(issued).not.toHaveProperty('hash');
  });

  it('resolves an active token to its role and unit', async () => {
    const { deps, units } = setup();
    await units.create({
      id: 'qingzhou',
      name: '青州市人民政府',
      class: 'county',
      contacts: [],
      active: true,
      createdAt: 'x',
      updatedAt: 'x',
      version: 1,
    });
    const issued = await issueToken(
      deps,
      { role: 'reporter', unitId: 'qingzhou', label: '青州信息员' },
      'cli',
    );
    const context = await authorize(deps, `Bearer ${issued.token}`);
    expect(context).toEqual({
      status: 'active',
      role: 'reporter',
      unitId: 'qingzhou',
      tokenId: issued.tokenId,
    });
  });

  it('refuses a reporter token for a unit that does not exist', async () => {
    const { deps } = setup();
    await expect(
      issueToken(deps, { role: 'reporter', unitId: 'nowhere', label: 'x' }, 'cli'),
    ).rejects.toMatchObject({
      status: 422,
      code: 'UNIT_NOT_FOUND',
    });
  });

  it('marks unknown, malformed and revoked tokens so the handler answers 401', async () => {
    const { deps } = setup();
    const issued = await issueToken(deps, { role: 'admin', label: '管理员' }, 'cli');
    expect(await authorize(deps, undefined)).toEqual({ status: 'invalid' });
    expect(await authorize(deps, 'Basic abc')).toEqual({ status: 'invalid' });
    expect(await authorize(deps, `Bearer ${issued.token}x`)).toEqual({ status: 'invalid' });
    await revokeToken(deps, issued.tokenId);
    expect(await authorize(deps, `Bearer ${issued.token}`)).toEqual({
      status: 'revoked',
      tokenId: issued.tokenId,
    });
  });

  it('records last use at most once a minute', async () => {
    const { deps, tokens, advance } = setup();
    const issued = await issueToken(deps, { role: 'leader', label: '市长' }, 'cli');
    await authorize(deps, `Bearer ${issued.token}`);
    advance(30_000);
    await authorize(deps, `Bearer ${issued.token}`);
    expect(tokens.touches).toBe(1);
    advance(31_000);
    await authorize(deps, `Bearer ${issued.token}`);
    expect(tokens.touches).toBe(2);
    expect([...tokens.tokens.values()][0]?.lastUsedAt).toBe('2026-11-25T08:01:01.000Z');
  });

  it('keeps the first revocation time when revoked twice', async () => {
    const { deps, advance } = setup();
    const issued = await issueToken(deps, { role: 'editor', label: '编辑' }, 'cli');
    const first = await revokeToken(deps, issued.tokenId);
    advance(5_000);
    const second = await revokeToken(deps, issued.tokenId);
    expect(second.revokedAt).toBe(first.revokedAt);
  });

  it('answers 404 for revoking a token that does not exist', async () => {
    const { deps } = setup();
    await expect(revokeToken(deps, 'abcdefghijklmnop')).rejects.toMatchObject({ status: 404 });
  });
});
