/**
 * The month close and a replay end to end: the `month-close` job run by hand through the admin CLI
 * against the running local stack (a second run writes no line), then a policy change and a
 * replay over HTTP (scores follow; a second replay changes nothing). Ledger totals and ranking
 * points are compared unit by unit.
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from '../support/api';
import { showStackErrorsOnFailure } from '../support/e2e';
import { startStackForTest } from '../support/local-stack';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');

type Stack = Awaited<ReturnType<typeof startStackForTest>>;
let stack: Stack;
const call = apiClient(() => stack.urls.api);
showStackErrorsOnFailure(() => stack.output());

/** The month before this one, in Shanghai: finished, so it can be closed. */
const shanghaiNow = new Date(Date.now() + 8 * 3600_000);
const lastMonthStart = new Date(Date.UTC(shanghaiNow.getUTCFullYear(), shanghaiNow.getUTCMonth() - 1, 1));
const month = lastMonthStart.toISOString().slice(0, 7);
const year = lastMonthStart.getUTCFullYear();

interface Unit {
  id: string;
  class: 'county' | 'department';
}
let units: Unit[] = [];

/** Runs `npm run xinbao -- job month-close --period <month>` as an operator would; the printed result. */
async function closeMonthByHand() {
  const { stdout } = await run(
    'npx',
    ['tsx', 'infra/cli/main.ts', 'job', 'month-close', '--period', month, '--data', stack.dataDir],
    { cwd: root, env: { ...process.env, POWERTOOLS_LOG_LEVEL: 'SILENT' } },
  );
  return JSON.parse(stdout.slice(stdout.lastIndexOf('\n{\n') + 1)) as Record<string, unknown>;
}

async function ledgerTotal(unitId: string, period: string) {
  const reply = await call('GET', `/units/${unitId}/ledger?period=${period}`, {
    token: stack.tokens.EDITOR_TOKEN,
  });
  expect(reply.status).toBe(200);
  return reply.body as { total: number; lines: { reason: string; rule: string; points: number }[] };
}

async function rankingPoints(unitClass: string, period: string) {
  const reply = await call('GET', `/rankings?period=${period}&class=${unitClass}`, {
    token: stack.tokens.EDITOR_TOKEN,
  });
  expect(reply.status).toBe(200);
  const [ranking] = reply.body.rankings as { rows: { unitId: string; points: number }[] }[];
  return new Map((ranking?.rows ?? []).map((row) => [row.unitId, row.points]));
}

/** Every unit's ranking points for the month equal its ledger total. */
async function expectRankingsEqualLedger() {
  for (const unitClass of ['county', 'department']) {
    const points = await rankingPoints(unitClass, month);
    for (const unit of units.filter((entry) => entry.class === unitClass)) {
      expect(points.get(unit.id) ?? 0, unit.id).toBe((await ledgerTotal(unit.id, month)).total);
    }
  }
}

beforeAll(async () => {
  stack = await startStackForTest();
  const listed = await call('GET', '/units?active=true', { token: stack.tokens.EDITOR_TOKEN });
  units = listed.body.units as Unit[];
});

afterAll(async () => {
  await stack?.stop();
});

describe('month close and replay through the local stack', () => {
  it('closes last month by hand once: quota lines on every active unit; a second run writes 0 lines', async () => {
    const first = await closeMonthByHand();
    expect(first).toMatchObject({ job: 'month-close', period: month, units: units.length, skipped: 0 });
    expect(first.lines).toBeGreaterThanOrEqual(units.length);
    for (const unit of units) {
      const ledger = await ledgerTotal(unit.id, month);
      const quota = ledger.lines.filter((line) => line.rule.startsWith(`quota:${unit.class}:`));
      expect(quota, unit.id).toHaveLength(1);
    }
    await expectRankingsEqualLedger();

    const second = await closeMonthByHand();
    expect(second).toMatchObject({ period: month, lines: 0, skipped: units.length });
    await expectRankingsEqualLedger();
  });

  it('replays the year after a policy change: scores follow, and a second replay changes nothing', async () => {
    const admin = stack.tokens.ADMIN_TOKEN;
    const current = await call('GET', `/policy/${year}`, { token: admin });
    const {
      year: _y,
      version: _v,
      updatedAt: _u,
      updatedBy: _b,
      ...policy
    } = current.body as Record<string, unknown> & {
      quotas: { unitClass: string; perMonth: number; basePoints: number; deductionPerMissing: number }[];
    };
    const before = new Map<string, number>();
    for (const unit of units) before.set(unit.id, (await ledgerTotal(unit.id, month)).total);

    const stricter = policy.quotas.map((quota) => ({
      ...quota,
      basePoints: quota.basePoints + 1,
      deductionPerMissing: quota.deductionPerMissing + 1,
    }));
    const stored = await call('PUT', `/policy/${year}`, {
      token: admin,
      json: { ...policy, quotas: stricter },
    });
    expect(stored.status).toBe(200);

    const preview = await call('POST', `/policy/${year}/replay?dryRun=true`, { token: admin });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ dryRun: true, policyVersion: stored.body.version });
    for (const unit of units) expect((await ledgerTotal(unit.id, month)).total).toBe(before.get(unit.id));

    const replayed = await call('POST', `/policy/${year}/replay`, { token: admin });
    expect(replayed.status).toBe(200);
    expect(replayed.body.changes).toEqual(preview.body.changes);
    for (const unit of units) {
      const quota = (await ledgerTotal(unit.id, month)).lines.find((line) => line.rule.startsWith('quota:'));
      const rule = stricter.find((entry) => entry.unitClass === unit.class);
      if (!quota || !rule) continue;
      // Met: the new base points. Missed: the new deduction for each missing item the reason names.
      const missing = Number(/缺 (\d+) 篇/.exec(quota.reason)?.[1] ?? 0);
      const expected = quota.rule.endsWith(':met') ? rule.basePoints : -rule.deductionPerMissing * missing;
      expect(quota.points, unit.id).toBe(expected);
      expect(quota.reason).toContain(`每月 ${rule.perMonth} 篇任务`);
    }
    const changes = replayed.body.changes as { unitId: string; delta: number }[];
    expect(changes.some((change) => change.delta !== 0)).toBe(true);
    await expectRankingsEqualLedger();

    const again = await call('POST', `/policy/${year}/replay`, { token: admin });
    expect(again.body).toMatchObject({ linesWritten: 0, linesDeleted: 0, changes: [] });
    await expectRankingsEqualLedger();

    const audits = await call('GET', `/policy/${year}/replays`, { token: stack.tokens.LEADER_TOKEN });
    expect(audits.status).toBe(200);
    expect((audits.body.replays as { linesWritten: number }[]).map((entry) => entry.linesWritten)).toEqual([
      0,
      replayed.body.linesWritten,
    ]);
    const refused = await call('POST', `/policy/${year}/replay`, { token: stack.tokens.EDITOR_TOKEN });
    expect(refused.status).toBe(403);
  });
});
