import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { whoAmI } from '#functions/tokens/who-am-i/use-case';
import { loadHandler } from '../../support/handlers';
import { httpEvent, invoke } from '../../support/http-events';
import { MemoryPersonStore } from '../../support/memory-stores';

const personId = randomUUID();
const record = {
  personId,
  username: 'weicheng.lixm',
  name: '李晓梅',
  phone: '0536-8201234',
  email: 'lixm@example.org',
  role: 'reporter' as const,
  unitId: 'weicheng',
  active: true,
  createdAt: '2026-11-25T08:00:00.000Z',
  createdBy: 'bootstrap',
  version: 1,
};

describe('GET /me', () => {
  it('names the signed-in person from our record', async () => {
    const people = new MemoryPersonStore();
    await people.create(record);
    const me = await whoAmI(
      { people },
      { role: 'reporter', unitId: 'weicheng', tokenId: `person:${personId}`, personId, personName: '李晓梅' },
    );
    expect(me).toEqual({
      role: 'reporter',
      roleLabel: '信息员',
      unitId: 'weicheng',
      person: {
        personId,
        username: 'weicheng.lixm',
        name: '李晓梅',
        role: 'reporter',
        roleLabel: '信息员',
        unitId: 'weicheng',
        phone: '0536-8201234',
        email: 'lixm@example.org',
      },
    });
  });

  it('is unchanged for xb_ tokens', async () => {
    const me = await whoAmI(
      { people: new MemoryPersonStore() },
      { role: 'editor', tokenId: 'abcdefghijklmnop' },
    );
    expect(me).toEqual({ role: 'editor', roleLabel: '信息科编辑', tokenId: 'abcdefghijklmnop' });
  });

  it.each([
    ['inactive', 'ACCOUNT_DISABLED', '账号已停用'],
    ['expired', 'TOKEN_EXPIRED', '登录已过期'],
    ['invalid', 'TOKEN_INVALID', '令牌无效'],
  ] as const)('answers 401 %s with %s and a Chinese message', async (status, code, message) => {
    const handler = await loadHandler('tokens');
    const reply = await invoke(handler, httpEvent({ method: 'GET', path: '/me', auth: { status } }));
    expect(reply.status).toBe(401);
    expect(reply.body.error?.code).toBe(code);
    expect(reply.body.error?.message).toContain(message);
  });
});
