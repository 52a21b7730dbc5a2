/**
 * The office's year on one machine, through the HTTP API as the office would drive it: 96 units
 * submit 8,300 items (`POST /items`, 16 at a time), then the editors publish 287 issues with
 * 1,622 items (candidate decision, `POST /bulletins`, publish). `--short` does a tenth (830 items,
 * 29 issues with about 162 items) with the same per-item goals. Then: the data folder's size and
 * the stack's peak memory, each also against the table's logical size (DescribeTable-style bytes,
 * summed from the rows); a restart on the same folder; every figure of `GET /statistics/<year>`
 * against what the bench submitted and published; and the monthly AWS bill of what the stack
 * counted meanwhile (DynamoDB units, Lambda invocations and durations, S3 and SES requests) for the
 * office and for a province at 10×.
 */
import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { type AttributeValue, ScanCommand } from '@aws-sdk/client-dynamodb';
import { localDynamoClient } from '../../infra/local/aws';
import { localNames } from '../../infra/local/env';
import { type LocalUsage, usageEnv, usagePath } from '../../infra/local/usage';
import { shanghaiDate } from '../../shared/domain/periods';
import { apiClient, type Reply } from '../../test/support/api';
import { startStackForTest, type TestStack } from '../../test/support/local-stack';
import { benchSubmission } from '../load/text';
import {
  deployedAlarms,
  type FunctionUsage,
  formatBill,
  formatUsd,
  type MonthlyUsage,
  memoryOf,
  monthlyBill,
  scaleUsage,
  scheduledRuns,
  withJobs,
} from '../support/bill';
import { itemSize, type WireValue } from '../support/item-size';
import { exitCleanlyOnSignals } from '../support/stack-exit';
import { folderBytes, stackPeakRss, stackRss } from '../support/stack-footprint';
import type { BenchOptions, BenchRow, Measure } from '../types';

const section = '一年 the office’s year';
const fullYear = { items: 8300, units: 96, issues: 287, published: 1622 };
const concurrency = 16;
const fractionEnv = 'XINBAO_YEAR_FRACTION';
const MB = 1024 * 1024;
const GB = 1024 * MB;
const diskGoalFull = GB;
const rssGoal = GB;
const restartGoalMs = 10_000;
/** Archive page views a month (assumption): the office's public site; ×10 for the province. */
const archiveViewsPerMonth = 3000;
/** Mail a month from the scheduled jobs (assumption, per unit: ranking notice, 4.35 weekly reports). */
const scheduledMailPerUnitMonth = 1 + 365.25 / 12 / 7;
/** Leaders' daily digest (assumption: 10 leaders, daily). */
const digestMailPerMonth = 10 * (365.25 / 12);

const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`;
const mb = (bytes: number) => `${(bytes / MB).toFixed(bytes < 10 * MB ? 1 : 0)} MB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

interface Book {
  submitted: Map<string, number>;
  adopted: Map<string, number>;
  issuesBySeries: Map<string, number>;
  issues: number;
  itemsInIssues: number;
  /** Item ids with their unit, in submission order. */
  items: { itemId: string; unitId: string }[];
  requests: number;
  /** Submissions answered 5xx or 409 REQUEST_IN_PROGRESS and sent again with the same key. */
  retried: number;
}

const add = (map: Map<string, number>, key: string, by = 1) => map.set(key, (map.get(key) ?? 0) + by);

async function checked(what: string, reply: Promise<Reply>, expected: number): Promise<Reply> {
  const answer = await reply;
  if (answer.status !== expected) {
    throw new Error(`${what} answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 400)}`);
  }
  return answer;
}

async function reporterTokens(stack: TestStack, book: Book): Promise<{ unitId: string; token: string }[]> {
  const call = apiClient(() => stack.urls.api);
  const units = await checked('GET /units', call('GET', '/units', { token: stack.tokens.ADMIN_TOKEN }), 200);
  const list = (units.body.units as { id: string; active?: boolean }[]).filter(
    (unit) => unit.active !== false,
  );
  const tokens: { unitId: string; token: string }[] = [];
  for (const unit of list) {
    const issued = await checked(
      `a token for ${unit.id}`,
      call('POST', '/tokens', {
        token: stack.tokens.ADMIN_TOKEN,
        json: { role: 'reporter', unitId: unit.id, label: `一年 ${unit.id}` },
      }),
      201,
    );
    book.requests += 1;
    tokens.push({ unitId: unit.id, token: String(issued.body.token) });
  }
  return tokens;
}

const maxAttempts = 10;
const retryable = (reply: Reply) =>
  reply.status >= 500 || (reply.status === 409 && reply.body.error?.code === 'REQUEST_IN_PROGRESS');

/** `count` submissions from the units in turn, `concurrency` at a time; 429s wait and retry. */
async function submitAll(
  stack: TestStack,
  reporters: { unitId: string; token: string }[],
  count: number,
  book: Book,
  log: (line: string) => void,
): Promise<number> {
  const call = apiClient(() => stack.urls.api);
  let next = 0;
  let done = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const serial = next++;
        const reporter = reporters[serial % reporters.length];
        if (!reporter) throw new Error('no reporters');
        const key = randomUUID();
        let attempts = 0;
        for (;;) {
          const reply = await call('POST', '/items', {
            token: reporter.token,
            headers: { 'idempotency-key': key },
            json: benchSubmission(serial),
          });
          book.requests += 1;
          if (reply.status === 429) {
            await new Promise((resolve) => setTimeout(resolve, 2000));
            continue;
          }
          // What an office's client does with a lost answer: the same request, the same key, a
          // little later (a function that timed out on a starved machine may still be storing it,
          // hence REQUEST_IN_PROGRESS meanwhile). The key keeps it one item; the note counts these.
          if (retryable(reply) && attempts < maxAttempts) {
            attempts += 1;
            book.retried += 1;
            await new Promise((resolve) => setTimeout(resolve, 1000 * attempts));
            continue;
          }
          if (reply.status !== 201) {
            throw new Error(
              `POST /items answered ${reply.status}: ${JSON.stringify(reply.body).slice(0, 400)}`,
            );
          }
          book.items.push({ itemId: String(reply.body.itemId), unitId: reporter.unitId });
          add(book.submitted, reporter.unitId);
          break;
        }
        done += 1;
        if (done % 500 === 0) {
          const rate = done / ((performance.now() - started) / 1000);
          log(
            `year: ${done}/${count} submitted, ${rate.toFixed(1)} items/s; stack RSS ${mb(stackRss(stack.pid))} ` +
              `(peak ${mb(stackPeakRss(stack.pid).total)})`,
          );
        }
      }
    }),
  );
  return (performance.now() - started) / 1000;
}

/** Issues of 5–6 items from the units in turn, each item made a candidate first. */
async function publishAll(
  stack: TestStack,
  issues: number,
  items: number,
  book: Book,
  log: (line: string) => void,
): Promise<number> {
  const call = apiClient(() => stack.urls.api);
  const editor = stack.tokens.EDITOR_TOKEN;
  const series = await checked('GET /series', call('GET', '/series', { token: editor }), 200);
  const seriesIds = (series.body.series as { seriesId: string }[]).map((entry) => entry.seriesId).slice(0, 2);
  // Spread over the submissions so every unit gets some issues.
  const stride = Math.max(1, Math.floor(book.items.length / items));
  const chosen = Array.from({ length: items }, (_, index) => book.items[index * stride]).filter(
    (entry): entry is { itemId: string; unitId: string } => entry !== undefined,
  );
  const started = performance.now();
  let cursor = 0;
  for (let issue = 0; issue < issues; issue += 1) {
    const size =
      Math.floor(((issue + 1) * chosen.length) / issues) - Math.floor((issue * chosen.length) / issues);
    const entries = chosen.slice(cursor, cursor + size);
    cursor += size;
    for (const entry of entries) {
      await checked(
        'candidate decision',
        call('POST', `/items/${entry.itemId}/decision`, {
          token: editor,
          json: { decision: 'candidate', version: 1 },
        }),
        200,
      );
    }
    const seriesId = seriesIds[issue % seriesIds.length] ?? 'zwxx';
    const created = await checked(
      'POST /bulletins',
      call('POST', '/bulletins', {
        token: editor,
        json: { seriesId, itemIds: entries.map((entry) => entry.itemId) },
      }),
      201,
    );
    await checked(
      'publish',
      call('POST', `/bulletins/${String(created.body.bulletinId)}/publish`, {
        token: editor,
        json: { version: 1, signer: '刘秘书长' },
      }),
      200,
    );
    book.requests += entries.length + 2;
    book.issues += 1;
    book.itemsInIssues += entries.length;
    add(book.issuesBySeries, seriesId);
    for (const entry of entries) add(book.adopted, entry.unitId);
    if ((issue + 1) % 25 === 0) log(`year: ${issue + 1}/${issues} issues published`);
  }
  return (performance.now() - started) / 1000;
}

/** Every figure of the year's statistics the bench can know, compared; the differences found. */
function statisticsDifferences(before: Reply['body'], after: Reply['body'], book: Book): string[] {
  const differences: string[] = [];
  const city = (body: Reply['body']) => (body.city ?? {}) as Record<string, unknown>;
  const num = (value: unknown) => (typeof value === 'number' ? value : 0);
  const compare = (what: string, got: number, want: number) => {
    if (got !== want) differences.push(`${what}: ${got} ≠ ${want}`);
  };
  const submitted = [...book.submitted.values()].reduce((sum, each) => sum + each, 0);
  compare('city received', num(city(after).received) - num(city(before).received), submitted);
  compare('city issues', num(city(after).issues) - num(city(before).issues), book.issues);
  compare(
    'city itemsInIssues',
    num(city(after).itemsInIssues) - num(city(before).itemsInIssues),
    book.itemsInIssues,
  );
  // The bench records no adoption upstream and no 批示: those figures must not move.
  compare('city upperAdopted', num(city(after).upperAdopted) - num(city(before).upperAdopted), 0);
  compare('city instructions', num(city(after).instructions) - num(city(before).instructions), 0);
  const bySeries = (body: Reply['body']) => (city(body).issuesBySeries ?? {}) as Record<string, number>;
  for (const [seriesId, issues] of book.issuesBySeries) {
    compare(
      `issues of ${seriesId}`,
      num(bySeries(after)[seriesId]) - num(bySeries(before)[seriesId]),
      issues,
    );
  }
  type UnitRow = { unitId: string; received: number; adopted: number };
  const units = (body: Reply['body']) =>
    new Map(((body.units ?? []) as UnitRow[]).map((row) => [row.unitId, row]));
  const [was, is] = [units(before), units(after)];
  for (const unitId of new Set([...book.submitted.keys(), ...book.adopted.keys()])) {
    compare(
      `${unitId} received`,
      num(is.get(unitId)?.received) - num(was.get(unitId)?.received),
      book.submitted.get(unitId) ?? 0,
    );
    compare(
      `${unitId} adopted`,
      num(is.get(unitId)?.adopted) - num(was.get(unitId)?.adopted),
      book.adopted.get(unitId) ?? 0,
    );
  }
  return differences;
}

/** The table's logical size: every row's DynamoDB size (what DescribeTable's TableSizeBytes sums). */
async function logicalTableBytes(endpoint: string): Promise<{ bytes: number; rows: number }> {
  const client = localDynamoClient(endpoint);
  let bytes = 0;
  let rows = 0;
  try {
    let start: Record<string, AttributeValue> | undefined;
    do {
      const page = await client.send(
        new ScanCommand({ TableName: localNames.table, ...(start ? { ExclusiveStartKey: start } : {}) }),
      );
      for (const item of page.Items ?? []) {
        bytes += itemSize(item as unknown as Record<string, WireValue>);
        rows += 1;
      }
      start = page.LastEvaluatedKey;
    } while (start);
  } finally {
    client.destroy();
  }
  return { bytes, rows };
}

async function readUsage(stack: TestStack): Promise<LocalUsage> {
  return (await (await fetch(`${stack.urls.dynamodb}${usagePath}`)).json()) as LocalUsage;
}

function usageBetween(before: LocalUsage, after: LocalUsage): LocalUsage {
  const dynamo: LocalUsage['dynamo'] = {};
  for (const [operation, now] of Object.entries(after.dynamo)) {
    const then = before.dynamo[operation] ?? { requests: 0, readUnits: 0, writeUnits: 0 };
    dynamo[operation] = {
      requests: now.requests - then.requests,
      readUnits: now.readUnits - then.readUnits,
      writeUnits: now.writeUnits - then.writeUnits,
    };
  }
  const lambda: LocalUsage['lambda'] = {};
  for (const [name, now] of Object.entries(after.lambda)) {
    const then = before.lambda[name] ?? { invocations: 0, ms: 0 };
    lambda[name] = { invocations: now.invocations - then.invocations, ms: now.ms - then.ms };
  }
  return {
    dynamo,
    lambda,
    s3: { put: after.s3.put - before.s3.put, get: after.s3.get - before.s3.get },
    ses: { messages: after.ses.messages - before.ses.messages },
  };
}

/** Bytes a visitor's first page view downloads (home page and one issue page, gzip as CloudFront sends). */
async function archiveViewBytes(stack: TestStack): Promise<{ bytes: number; requests: number }> {
  const home = await (await fetch(`${stack.urls.archive}/`)).text();
  let bytes = gzipSync(home).length;
  let requests = 1;
  const link = /href="([^"#?]+\.html)"/.exec(home)?.[1];
  if (link) {
    const page = await fetch(new URL(link, `${stack.urls.archive}/`));
    if (page.ok) {
      bytes += gzipSync(await page.text()).length;
      requests += 1;
    }
  }
  return { bytes, requests };
}

async function restartHealthy(dataDir: string): Promise<{ ms: number; stack: TestStack }> {
  const started = performance.now();
  const stack = await startStackForTest({ dataDir, timeoutMs: 120_000 });
  return { ms: performance.now() - started, stack };
}

export const measure: Measure = async (options: BenchOptions): Promise<BenchRow[]> => {
  // A longer run than --short that still fits a session: XINBAO_YEAR_FRACTION=0.5 does half the year.
  const fraction = Number(process.env[fractionEnv] ?? '1');
  if (!(fraction > 0 && fraction <= 1)) throw new Error(`${fractionEnv} must be in (0, 1], got ${fraction}`);
  const scale = options.short ? 10 : 1 / fraction;
  const plan = {
    items: Math.round(fullYear.items / scale),
    issues: Math.round(fullYear.issues / scale),
    published: Math.round(fullYear.published / scale),
  };
  exitCleanlyOnSignals();
  const previous = process.env[usageEnv];
  process.env[usageEnv] = '1';
  const book: Book = {
    submitted: new Map(),
    adopted: new Map(),
    issuesBySeries: new Map(),
    issues: 0,
    itemsInIssues: 0,
    items: [],
    requests: 0,
    retried: 0,
  };
  let stack: TestStack | undefined;
  try {
    const firstStart = performance.now();
    stack = await startStackForTest({ timeoutMs: 120_000 });
    const firstStartMs = performance.now() - firstStart;
    const { dataDir } = stack;
    options.log(`year: local stack up at ${stack.urls.api} (data ${dataDir})`);
    const startupPeak = stackPeakRss(stack.pid);
    const reporters = await reporterTokens(stack, book);
    const call = apiClient(() => stack?.urls.api ?? '');
    const year = Number(shanghaiDate(new Date()).slice(0, 4));
    const statistics = () =>
      checked(
        'GET /statistics',
        call('GET', `/statistics/${year}`, { token: stack?.tokens.LEADER_TOKEN }),
        200,
      );
    const statsBefore = (await statistics()).body;
    const usageBefore = await readUsage(stack);

    options.log(`year: ${plan.items} submissions from ${reporters.length} units, ${concurrency} at a time`);
    const submitSeconds = await submitAll(stack, reporters, plan.items, book, options.log);
    const rate = plan.items / submitSeconds;
    options.log(
      `year: ${plan.items} items in ${submitSeconds.toFixed(0)} s (${rate.toFixed(1)} items/s); ` +
        `the full year's ${fullYear.items} would take about ${(fullYear.items / rate / 60).toFixed(0)} min`,
    );
    const submitPeak = stackPeakRss(stack.pid);
    options.log(`year: publishing ${plan.issues} issues with ${plan.published} items`);
    const publishSeconds = await publishAll(stack, plan.issues, plan.published, book, options.log);
    const statsAfter = (await statistics()).body;
    book.requests += 2;
    const differences = statisticsDifferences(statsBefore, statsAfter, book);
    const usage = usageBetween(usageBefore, await readUsage(stack));
    const view = await archiveViewBytes(stack);

    const logical = await logicalTableBytes(stack.urls.dynamodb);
    const peak = stackPeakRss(stack.pid);
    const diskRunning = await folderBytes(dataDir);
    await stack.stop();
    stack = undefined;
    const disk = await folderBytes(dataDir);
    const s3Bytes = await folderBytes(`${dataDir}/s3`).catch(() => 0);
    options.log(
      `year: data ${mb(disk)} (${mb(diskRunning)} while running), logical table ${mb(logical.bytes)} in ` +
        `${logical.rows} rows, peak RSS ${mb(peak.total)} over ${peak.processes} processes`,
    );

    const restart = await restartHealthy(dataDir);
    stack = restart.stack;
    const statsRestarted = (await statistics()).body;
    const afterRestart = statisticsDifferences(statsBefore, statsRestarted, book);
    await stack.stop();
    stack = undefined;

    // --- the bill: the counted year (scaled to the full year in --short), a month of it ---
    const toMonth = scale / 12;
    const lambda: Record<string, FunctionUsage> = {};
    const runs = scheduledRuns();
    for (const [name, each] of Object.entries(usage.lambda)) {
      // Scheduled jobs are billed once below, on their schedules, not scaled with the bench's minutes.
      if (each.invocations === 0 || name in runs.byFunction) continue;
      lambda[name] = {
        invocations: each.invocations * toMonth,
        ms: each.ms * toMonth,
        memoryMb: memoryOf(name),
      };
    }
    const dynamoTotal = Object.values(usage.dynamo).reduce(
      (sum, each) => ({
        readUnits: sum.readUnits + each.readUnits,
        writeUnits: sum.writeUnits + each.writeUnits,
      }),
      { readUnits: 0, writeUnits: 0 },
    );
    const jobs: Record<string, FunctionUsage> = {};
    for (const [name, invocations] of Object.entries(runs.byFunction)) {
      const measured = usage.lambda[name];
      const msEach = measured && measured.invocations > 0 ? measured.ms / measured.invocations : 1000;
      jobs[name] = { invocations, ms: invocations * msEach, memoryMb: memoryOf(name) };
    }
    const unitsNow = reporters.length;
    // Storage: the table and the buckets as the year leaves them (scaled to the full year).
    const officeMonth: MonthlyUsage = {
      dynamo: {
        readUnits: dynamoTotal.readUnits * toMonth,
        writeUnits: dynamoTotal.writeUnits * toMonth,
        storageGb: (logical.bytes * scale) / GB,
        pitrGb: (logical.bytes * scale) / GB,
      },
      lambda,
      api: { requests: book.requests * toMonth },
      s3: {
        putRequests: usage.s3.put * toMonth,
        getRequests: usage.s3.get * toMonth,
        storedGb: (s3Bytes * scale) / GB,
      },
      cloudfront: {
        bytesOut: (archiveViewsPerMonth * view.bytes) / view.requests,
        requests: archiveViewsPerMonth,
        functionInvocations: archiveViewsPerMonth,
      },
      ses: {
        messages: usage.ses.messages * toMonth + unitsNow * scheduledMailPerUnitMonth + digestMailPerMonth,
      },
      cloudwatch: { alarms: deployedAlarms() },
      scheduler: { invocations: runs.total },
    };
    const office = withJobs(officeMonth, jobs);
    const province = withJobs(scaleUsage(officeMonth, 10), jobs);
    const officeBill = monthlyBill(office);
    const provinceBill = monthlyBill(province);

    const perItemGoal = (diskGoalFull * plan.items) / fullYear.items;
    const shortNote = options.short
      ? `--short: ${plan.items} items, ${plan.issues} issues (a tenth; goals per item). `
      : scale !== 1
        ? `${fractionEnv}=${fraction}: ${plan.items} items, ${plan.issues} issues (goals per item). `
        : '';
    const retriedNote =
      book.retried > 0
        ? `${book.retried} submissions answered 5xx or in progress and sent again with their key. `
        : '';
    const counted =
      `${book.items.length} items from ${reporters.length} units at ${concurrency} concurrent in ${seconds(submitSeconds * 1000)} ` +
      `(${rate.toFixed(1)}/s; the full year ≈ ${(fullYear.items / rate / 60).toFixed(0)} min), ${book.issues} issues with ` +
      `${book.itemsInIssues} items in ${seconds(publishSeconds * 1000)}. ${retriedNote}`;
    const assumptions =
      'Counted in this run: DynamoDB units at the local front (1 KB per write unit, 4 KB per read unit, halved ' +
      'when eventually consistent, transactions ×2, GSI writes included), Lambda invocations and wall-clock ms ' +
      'per function at its catalogue memory (local wall time under contention: an upper bound), S3 requests, API ' +
      `requests; ${scale !== 1 ? `×${Number(scale.toFixed(2))} to the full year, ` : ''}÷12 to a month. Assumed: ${archiveViewsPerMonth} archive page ` +
      `views a month at ${kb(view.bytes / view.requests)} gzip each (measured on this run's archive); scheduled mail ${scheduledMailPerUnitMonth.toFixed(1)} per unit ` +
      `and ${Math.round(digestMailPerMonth)} digests a month; jobs on their schedules (${Math.round(runs.total)} runs a month) ` +
      'at the duration measured here (1 s if not run); storage = the table and buckets at the year’s end; ' +
      'us-east-1 list prices, on demand, no free tier, no tax. Not included: people reading beyond what the bench did ' +
      '(queues, rankings, ledgers), attachments, data transfer other than CloudFront. ';

    return [
      {
        section,
        name: `data folder after the year (${plan.items} items through POST /items, ${plan.issues} issues)`,
        measured: mb(disk),
        baseline: '—',
        ratio: Math.round((disk / perItemGoal) * 100) / 100,
        goal: scale !== 1 ? `≤ 1 GB for 8,300 items (${mb(perItemGoal)} for ${plan.items})` : '≤ 1 GB',
        pass: disk <= perItemGoal,
        note: `${shortNote}${counted}${mb(diskRunning)} while running; ${logical.rows} table rows.`,
      },
      {
        section,
        name: 'data folder ÷ logical table size (DescribeTable bytes)',
        measured: mb(disk),
        baseline: `${mb(logical.bytes)} logical`,
        ratio: Math.round((disk / logical.bytes) * 100) / 100,
        goal: 'reported',
        pass: true,
        note: `Logical size summed from every row by DynamoDB's item size rules; the folder also holds S3 objects (${mb(s3Bytes)}), the mailbox and the transaction journal.`,
      },
      {
        section,
        name: 'stack peak RSS during the year',
        measured: mb(peak.total),
        baseline: '—',
        ratio: Math.round((peak.total / rssGoal) * 100) / 100,
        goal: '≤ 1 GB',
        pass: peak.total <= rssGoal,
        note:
          `Sum of VmHWM over the stack's ${peak.processes} processes (stack with every function loaded, s3rver); ` +
          `${mb(startupPeak.total)} once the stack was up, ${mb(submitPeak.total)} after the submissions, before publishing.`,
      },
      {
        section,
        name: 'stack peak RSS ÷ logical table size',
        measured: mb(peak.total),
        baseline: `${mb(logical.bytes)} logical`,
        ratio: Math.round((peak.total / logical.bytes) * 100) / 100,
        goal: 'reported',
        pass: true,
      },
      {
        section,
        name: 'restart on the same folder: GET /health 200',
        measured: seconds(restart.ms),
        baseline: '—',
        ratio: Math.round((restart.ms / restartGoalMs) * 100) / 100,
        goal: '≤ 10 s',
        pass: restart.ms <= restartGoalMs && afterRestart.length === 0,
        note:
          afterRestart.length === 0
            ? `From spawning the process (tsx loading included); the first start on an empty folder took ${seconds(firstStartMs)} in this run. Statistics after the restart still exact.`
            : `statistics differ after the restart: ${afterRestart.slice(0, 5).join('; ')}`,
      },
      {
        section,
        name: `GET /statistics/${year}: every figure the bench can know`,
        measured: differences.length === 0 ? 'exact' : `${differences.length} differences`,
        baseline: `${book.items.length} received, ${book.issues} issues, ${book.itemsInIssues} items in issues, ${book.submitted.size} units`,
        ratio: null,
        goal: 'exact',
        pass: differences.length === 0,
        ...(differences.length > 0 ? { note: differences.slice(0, 8).join('; ') } : {}),
      },
      {
        section,
        name: `AWS bill: the office's month (${fullYear.units} units, ${fullYear.items} items and ${fullYear.issues} issues a year)`,
        measured: `${formatUsd(officeBill.total)}/month`,
        baseline: '—',
        ratio: null,
        goal: 'reported',
        pass: true,
        note: `${assumptions}${formatBill(officeBill)}`,
      },
      {
        section,
        name: 'AWS bill: a province’s month at 10× (960 units, 83,000 items a year)',
        measured: `${formatUsd(provinceBill.total)}/month`,
        baseline: `${formatUsd(officeBill.total)} office`,
        ratio: Math.round((provinceBill.total / officeBill.total) * 100) / 100,
        goal: 'reported',
        pass: true,
        note: `Per-item and per-unit usage ×10; alarms, schedules and job runs once. ${formatBill(provinceBill)}`,
      },
    ];
  } finally {
    await stack?.stop();
    if (previous === undefined) delete process.env[usageEnv];
    else process.env[usageEnv] = previous;
  }
};
