/**
 * Reliability 2 — `kill -9` in the middle of a load. The whole stack (its process group: tsx, the
 * stack, s3rver) is killed while submissions are in flight, then started again on the same data
 * folder: every acknowledged submission is there and readable, nothing is half-stored (the
 * transaction journal undoes a transaction cut short), counters equal a recount, /health is ok.
 * Then the clients cut off by the kill come back with the same Idempotency-Key after the dead
 * attempts' in-progress window: each gets exactly one item, also when its first attempt had
 * stored the item but died before recording the answer (the key is claimed in the transaction).
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { functions } from '../../shared/catalogue/functions';
import { showStackErrorsOnFailure } from '../support/e2e';
import { startStackForTest, type TestStack } from '../support/local-stack';
import { auditStore } from './support/load-audit';
import { type Outcome, retryingClient, runPool } from './support/load-client';
import { seededRandom, submissionBody } from './support/load-text';
import { reportersForEveryUnit, type UnitReporter } from './support/load-units';

const planned = 600;
const concurrency = 32;
/** Kill once this many have been acknowledged: well inside the load, with many more in flight. */
const killAfter = 80;

let stack: TestStack;
let restarted: TestStack | undefined;
let reporters: UnitReporter[] = [];

beforeAll(async () => {
  stack = await startStackForTest();
  reporters = await reportersForEveryUnit(stack);
});

afterAll(async () => {
  await restarted?.stop();
  await stack?.stop('SIGKILL');
});

showStackErrorsOnFailure(() => `${stack.output()}\n${restarted?.output() ?? ''}`);

interface Submission {
  tag: string;
  key: string;
  reporter: UnitReporter;
  body: ReturnType<typeof submissionBody>;
  outcome?: Outcome;
}

/** SIGKILL is delivered at once, but the stack's own process may linger a moment before it is reaped. */
async function waitUntilLockHolderGone(dataDir: string): Promise<void> {
  const holder = Number((await readFile(join(dataDir, '.lock'), 'utf8').catch(() => '')).trim());
  for (let waited = 0; holder > 0 && waited < 10_000; waited += 50) {
    try {
      process.kill(holder, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const tagOf = (title: string) => /（(B\d+)）$/.exec(title)?.[1];

describe('a crash in the middle of a load', () => {
  it('keeps every acknowledged submission, whole, and comes back healthy', async () => {
    const random = seededRandom(7);
    const plan: Submission[] = Array.from({ length: planned }, (_, index) => ({
      tag: `B${index}`,
      key: randomUUID(),
      reporter: reporters[index % reporters.length] as UnitReporter,
      body: submissionBody(`B${index}`, random),
    }));
    // One attempt each: after the kill nothing answers, and only real answers count.
    const client = retryingClient(() => stack.urls.api, {
      attempts: 1,
      timeoutMs: 35_000,
      baseDelayMs: 0,
      maxDelayMs: 0,
    });
    let acknowledged = 0;
    let killed: Promise<number | null> | undefined;
    let inFlightAtKill = 0;
    let inFlight = 0;
    const load = runPool(plan.length, concurrency, async (index) => {
      const submission = plan[index] as Submission;
      if (killed) return;
      inFlight += 1;
      submission.outcome = await client.send({
        method: 'POST',
        path: '/items',
        token: submission.reporter.token,
        json: submission.body,
        headers: { 'idempotency-key': submission.key },
      });
      inFlight -= 1;
      if (submission.outcome.status === 201) acknowledged += 1;
      if (acknowledged >= killAfter && !killed) {
        inFlightAtKill = inFlight;
        killed = stack.interrupt('SIGKILL');
      }
    });
    await load;
    expect(killed, 'the load ended before the kill').toBeDefined();
    await killed;
    const killedAt = Date.now();
    await waitUntilLockHolderGone(stack.dataDir);

    const restartStarted = Date.now();
    restarted = await startStackForTest({ dataDir: stack.dataDir, timeoutMs: 60_000 });
    const restartSeconds = (Date.now() - restartStarted) / 1000;
    const after = restarted;
    const health = await fetch(`${after.urls.api}/health`).then(async (response) => ({
      status: response.status,
      body: (await response.json()) as { status?: string },
    }));

    const answered = plan.filter((submission) => submission.outcome?.status === 201);
    const reader = retryingClient(() => after.urls.api);
    const missing: string[] = [];
    await runPool(answered.length, 16, async (index) => {
      const submission = answered[index] as Submission;
      const itemId = String(submission.outcome?.body.itemId);
      const read = await reader.send({
        method: 'GET',
        path: `/items/${itemId}`,
        token: submission.reporter.token,
      });
      if (read.status !== 200 || read.body.title !== submission.body.title) missing.push(submission.tag);
    });

    // The clients cut off by the kill retry with their key once the dead attempts' in-progress
    // window (the items function's timeout) has passed.
    const cutOff = plan.filter((submission) => submission.outcome && submission.outcome.status !== 201);
    const windowMs = functions.items.timeoutSeconds * 1000 + 2_000;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, killedAt + windowMs - Date.now())));
    await runPool(cutOff.length, 8, async (index) => {
      const submission = cutOff[index] as Submission;
      submission.outcome = await reader.send({
        method: 'POST',
        path: '/items',
        token: submission.reporter.token,
        json: submission.body,
        headers: { 'idempotency-key': submission.key },
      });
    });
    const retriedUnanswered = cutOff.filter((submission) => submission.outcome?.status !== 201);

    const audit = await auditStore(
      after,
      reporters.map((reporter) => reporter.unitId),
    );
    const storedTags = audit.items.map((item) => tagOf(item.title) ?? item.itemId);
    const duplicated = storedTags.filter((tag, index) => storedTags.indexOf(tag) !== index);
    const storedWithoutAnswer =
      audit.items.length - answered.length - (cutOff.length - retriedUnanswered.length);
    const halfStored =
      audit.itemsWithoutSubmitEvent.length +
      audit.counterMismatches.length +
      audit.idempotency.completedWithoutItem.length;

    console.log(
      `crash: kill -9 after ${acknowledged} acknowledged with ${inFlightAtKill} in flight; ` +
        `restarted in ${restartSeconds.toFixed(1)} s, /health ${health.status} ${health.body.status}; ` +
        `${answered.length} acknowledged, ${answered.length - missing.length} present and readable, ` +
        `${halfStored} half-stored, ${duplicated.length} duplicated; ${audit.idempotency.inProgress} ` +
        `idempotency records left in progress; ${cutOff.length} cut off, retried with their keys after ` +
        `the in-progress window: ${cutOff.length - retriedUnanswered.length} answered, ` +
        `${storedWithoutAnswer} stored without an answer`,
    );

    expect(inFlightAtKill).toBeGreaterThan(0);
    expect(health).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(missing).toEqual([]);
    expect(audit.itemsWithoutSubmitEvent).toEqual([]);
    expect(audit.counterMismatches).toEqual([]);
    expect(audit.idempotency.completedWithoutItem).toEqual([]);
    expect(retriedUnanswered.map((submission) => submission.tag)).toEqual([]);
    expect(duplicated).toEqual([]);
    expect(storedWithoutAnswer).toBe(0);

    // The restarted stack takes new submissions as before.
    const fresh = await reader.send({
      method: 'POST',
      path: '/items',
      token: reporters[0]?.token ?? '',
      json: submissionBody('after-restart', random),
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(fresh.status).toBe(201);
  });
});
