/**
 * Per-caller rate limits through the shared HTTP layer, as both runtimes run it: the route table
 * declares the limit, the layer counts each token's valid requests and answers the one over the
 * limit with 429 RATE_LIMITED, a Chinese message and Retry-After; other callers are unaffected.
 */
import { describe, expect, it, vi } from 'vitest';
import { type FunctionAccess, functions } from '#shared/catalogue/functions';
import { rateLimits } from '#shared/catalogue/rate-limits';
import { type RouteDeclaration, routes } from '#shared/catalogue/routes';
import { itemsRoutes } from '#shared/catalogue/routes/items';
import type { TableAccess } from '#shared/catalogue/table-access';
import type { AuthorizerContext } from '#shared/http/auth-context';
import { httpFunction, type Operations } from '#shared/http/http-function';
import { httpEvent, invoke } from '../../support/http-events';
import { MemoryRateCounter } from '../../support/memory-stores';

const text = {
  title: '潍城区农村人居环境整治完成改厕3200户',
  body: '11月，潍城区完成农村改厕3200户，新建污水管网46公里，村庄保洁覆盖率达到100%。',
  eventDate: '2026-11-18',
  urgency: 'normal',
  openness: 'public',
  secrecy: 'non-secret',
  approver: '张主任',
  author: { name: '李四', phone: '0536-1234567' },
};

const reporter = (tokenId: string): AuthorizerContext => ({
  status: 'active',
  role: 'reporter',
  unitId: 'weicheng',
  tokenId,
});

function itemsHandler(start: Date) {
  let clock = start;
  const precheck = vi.fn(async () => ({ findings: [], duplicates: [] }));
  const operations = { precheckItem: precheck } as unknown as Operations<typeof itemsRoutes>;
  const handler = httpFunction(itemsRoutes, operations, {
    rateCounter: new MemoryRateCounter(),
    now: () => clock,
  });
  const precheckAs = (tokenId: string, body: object = text) =>
    invoke(handler, httpEvent({ method: 'POST', path: '/items/precheck', body, auth: reporter(tokenId) }));
  return {
    precheck,
    precheckAs,
    advance: (seconds: number) => (clock = new Date(clock.getTime() + seconds * 1000)),
  };
}

describe('rate limits in the HTTP layer', () => {
  it('answers the 61st precheck in a minute with 429, Retry-After and a Chinese message', async () => {
    const { precheck, precheckAs } = itemsHandler(new Date('2026-11-20T02:00:15.000Z'));
    for (let index = 0; index < rateLimits.precheck.limit; index += 1) {
      expect((await precheckAs('tk_burst')).status).toBe(200);
    }
    const refused = await precheckAs('tk_burst');
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBe('45');
    expect(refused.body.error).toMatchObject({ code: 'RATE_LIMITED' });
    expect(refused.body.error?.message).toBe('请求过于频繁：此操作每分钟最多 60 次，请在 45 秒后重试');
    expect(precheck).toHaveBeenCalledTimes(rateLimits.precheck.limit);
  });

  it('leaves another caller unaffected and lets the first one in again in the next window', async () => {
    const { precheckAs, advance } = itemsHandler(new Date('2026-11-20T02:00:00.000Z'));
    for (let index = 0; index <= rateLimits.precheck.limit; index += 1) await precheckAs('tk_burst');
    expect((await precheckAs('tk_burst')).status).toBe(429);
    expect((await precheckAs('tk_other')).status).toBe(200);
    advance(60);
    expect((await precheckAs('tk_burst')).status).toBe(200);
  });

  it('does not count refused requests: invalid bodies store nothing, not even a count', async () => {
    const { precheckAs } = itemsHandler(new Date('2026-11-20T02:00:00.000Z'));
    for (let index = 0; index < 100; index += 1) {
      expect((await precheckAs('tk_sloppy', { title: '' })).status).toBe(400);
    }
    expect((await precheckAs('tk_sloppy')).status).toBe(200);
  });
});

describe('rate limits in the route table', () => {
  const limited = (routes as readonly RouteDeclaration[]).filter((route) => route.rateLimit);

  it('limits the expensive calls: precheck, submit (also of a draft), the rankings downloads and the Word link', () => {
    expect(limited.map((route) => route.operationId).sort()).toEqual(
      [
        'getBulletinDocx',
        'getPeopleRankings',
        'getRankings',
        'precheckItem',
        'submitItem',
        'submitDraft',
      ].sort(),
    );
  });

  it('puts every limited route in a function that may write its counters', () => {
    for (const route of limited) {
      const access: FunctionAccess = functions[route.function].access;
      const table: TableAccess = access.table ?? {};
      expect([...(table.write ?? []), ...(table.update ?? [])], route.operationId).toContain('RATE#*');
    }
  });
});
