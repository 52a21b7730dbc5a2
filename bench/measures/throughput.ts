/**
 * Submission throughput: autocannon against the whole local stack (`POST /items` through the
 * gateway, authorizer and items function, and the LSH indexer it invokes after each commit) from
 * 96 reporter tokens at 32 connections, versus the raw store — 32 writers doing the submission's
 * own transaction (item, audit event, unit row, period counters, near-duplicate signature)
 * straight to the same local DynamoDB. A third figure, the submission's whole DynamoDB I/O
 * without gateway or function (bucket lookups, the transaction, the index rows after it), shows
 * where the time goes.
 */
import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import autocannon from 'autocannon';
import { indexSignatures } from '../../functions/lsh-indexer/use-case';
import { localCredentials, localDynamoClient, localRegion } from '../../infra/local/aws';
import { localNames } from '../../infra/local/env';
import { ensureTable } from '../../infra/local/provision';
import { newId } from '../../shared/domain/ids';
import { duplicateText, LSH_BANDS, lshBuckets, minhashSignature } from '../../shared/domain/quality/index';
import type { Item } from '../../shared/schemas/items';
import type { Unit } from '../../shared/schemas/units';
import { documentClient, type TableRef } from '../../shared/store/dynamo/client';
import { DynamoDuplicateIndexStore } from '../../shared/store/dynamo/duplicate-index';
import { DynamoItemStore } from '../../shared/store/dynamo/items';
import { keys } from '../../shared/store/dynamo/keys';
import { DynamoUnitStore } from '../../shared/store/dynamo/units';
import type { SubmitWrite } from '../../shared/store/ports';
import { apiClient } from '../../test/support/api';
import { startStackForTest, type TestStack } from '../../test/support/local-stack';
import { benchSubmission } from '../load/text';
import { treeCpuSeconds } from '../support/stack-cpu';
import { exitCleanlyOnSignals } from '../support/stack-exit';
import type { BenchOptions, BenchRow, Measure } from '../types';

const section = '吞吐 throughput';
const connections = 32;
const goal = 0.7;

interface Rate {
  perSecond: number;
  /** CPU ms the stack's processes spent per stored submission. */
  stackCpuMs?: number;
  p50: number;
  p99: number;
  done: number;
  failed: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
const cpu = (rate: Rate) => (rate.stackCpuMs === undefined ? '—' : `${Math.round(rate.stackCpuMs)} ms`);
const cpuDiff = (a: Rate, b: Rate) =>
  a.stackCpuMs === undefined || b.stackCpuMs === undefined
    ? '—'
    : `${Math.round(a.stackCpuMs - b.stackCpuMs)} ms`;
const cpuRatio = (a: Rate, b: Rate) =>
  a.stackCpuMs === undefined || b.stackCpuMs === undefined ? '—' : (a.stackCpuMs / b.stackCpuMs).toFixed(2);
const busy = (rate: Rate, seconds: number) =>
  rate.stackCpuMs === undefined ? '—' : `${Math.round((rate.stackCpuMs * rate.done) / (seconds * 10))}%`;
const ms = (value: number) => `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`;

async function reporterTokens(stack: TestStack, units: Unit[]): Promise<string[]> {
  const call = apiClient(() => stack.urls.api);
  const tokens: string[] = [];
  for (const unit of units) {
    const issued = await call('POST', '/tokens', {
      token: stack.tokens.ADMIN_TOKEN,
      json: { role: 'reporter', unitId: unit.id, label: `压测 ${unit.id}` },
    });
    if (issued.status !== 201 || typeof issued.body.token !== 'string') {
      throw new Error(
        `issuing a token for ${unit.id} answered ${issued.status}: ${JSON.stringify(issued.body)}`,
      );
    }
    tokens.push(issued.body.token);
  }
  return tokens;
}

async function throughGateway(stack: TestStack, tokens: string[], seconds: number): Promise<Rate> {
  let serial = 0;
  const result = await autocannon({
    url: `${stack.urls.api}/items`,
    connections,
    duration: seconds,
    // Locally a submission can take seconds under this load; a timeout would hide it as an error.
    timeout: 120,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          serial += 1;
          return {
            ...request,
            headers: {
              'content-type': 'application/json',
              authorization: `Bearer ${tokens[serial % tokens.length]}`,
              'idempotency-key': randomUUID(),
            },
            body: JSON.stringify(benchSubmission(serial)),
          };
        },
      },
    ],
  });
  return {
    perSecond: result['2xx'] / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    done: result['2xx'],
    failed: result.non2xx + result.errors,
  };
}

/** Submission writes with their signatures computed beforehand: the store alone is measured. */
function writePool(units: Unit[], size: number) {
  return Array.from({ length: size }, (_, index) => {
    const text = benchSubmission(1_000_000 + index);
    const signature = [...minhashSignature(duplicateText(text))];
    const unit = units[index % units.length];
    if (!unit) throw new Error('no units');
    return { text, signature, buckets: lshBuckets(signature), unit };
  });
}

function submitWrite(entry: ReturnType<typeof writePool>[number]): SubmitWrite {
  const now = new Date();
  const at = now.toISOString();
  const { secrecy: _secrecy, ...fields } = entry.text;
  const item: Item = {
    ...fields,
    itemId: newId('it', now),
    unitId: entry.unit.id,
    status: 'submitted',
    submittedAt: at,
    updatedAt: at,
    revisions: [],
    findings: [],
    duplicates: [],
    coUnits: [],
    version: 1,
  };
  return {
    item,
    event: { at, by: 'tk_bench', role: 'reporter', action: 'submit', to: 'submitted' },
    unitClass: entry.unit.class,
    signature: entry.signature,
  };
}

/** `connections` writers doing `work` back to back for `seconds`; latency of every call. */
async function writers(seconds: number, work: (serial: number) => Promise<void>): Promise<Rate> {
  const latencies: number[] = [];
  let failed = 0;
  let serial = 0;
  const started = performance.now();
  const stopAt = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < stopAt) {
        const begun = performance.now();
        try {
          await work(serial++);
          latencies.push(performance.now() - begun);
        } catch {
          failed += 1;
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    perSecond: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    done: latencies.length,
    failed,
  };
}

/** Runs a phase and adds the CPU the stack's processes spent per stored submission meanwhile. */
async function withStackCpu(stack: TestStack, phase: () => Promise<Rate>): Promise<Rate> {
  const before = treeCpuSeconds(stack.pid);
  const rate = await phase();
  const spent = treeCpuSeconds(stack.pid) - before;
  return rate.done > 0 ? { ...rate, stackCpuMs: (spent * 1000) / rate.done } : rate;
}

/** A table of its own on the stack's DynamoDB, with the demo units, so the API's data stays apart. */
async function benchTable(stack: TestStack, name: string, units: Unit[]): Promise<TableRef> {
  // The SDK's default 50 sockets, as in the function; only its warning about queueing is silenced.
  const client = new DynamoDBClient({
    endpoint: stack.urls.dynamodb,
    region: localRegion,
    credentials: localCredentials,
    requestHandler: { socketAcquisitionWarningTimeout: 600_000 },
  });
  await ensureTable(client, name);
  const table = { client: documentClient(client), tableName: name };
  await Promise.all(
    units.map((unit) =>
      table.client.send(new PutCommand({ TableName: name, Item: { ...keys.unit(unit.id), ...unit } })),
    ),
  );
  return table;
}

/** Notes the action count of every TransactWriteItems the table's client sends (the largest seen, the last). */
function countTransactionActions(table: TableRef): { max: number; last: number } {
  const seen = { max: 0, last: 0 };
  table.client.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as { TransactItems?: unknown[] };
      if (
        /^TransactWrite(Items)?Command$/.test(context.commandName ?? '') &&
        Array.isArray(input.TransactItems)
      ) {
        seen.max = Math.max(seen.max, input.TransactItems.length);
        seen.last = input.TransactItems.length;
      }
      return next(args);
    },
    { step: 'initialize', name: 'benchTransactionActions' },
  );
  return seen;
}

/** The submission transaction alone, as DynamoItemStore.submit sends it. */
function rawStore(table: TableRef, units: Unit[]) {
  const store = new DynamoItemStore(table);
  const pool = writePool(units, 256);
  return async (serial: number) => {
    const entry = pool[serial % pool.length];
    if (entry) await store.submit(submitWrite(entry));
  };
}

/**
 * The actions of one raw submission by a signed-in person (`submittedBy` set), sent after the timed
 * phase so the baseline stays the token submissions the gateway phase sends.
 */
async function signedInPersonActions(
  table: TableRef,
  units: Unit[],
  seen: { last: number },
): Promise<number> {
  const [entry] = writePool(units, 1);
  if (!entry) return 0;
  const write = submitWrite(entry);
  write.item.submittedBy = { personId: '3f2c9a4e-8b1d-4c6f-9e2a-5d7b1c0f4a21', name: '李晓梅' };
  await new DynamoItemStore(table).submit(write);
  return seen.last;
}

/**
 * Every DynamoDB call a submission makes, without gateway or function: the idempotency record,
 * the unit, the near-duplicate lookups (one Query per LSH band, a BatchGet of the candidates'
 * signatures), the transaction, the record's completion, and the indexer's bucket rows after it.
 */
function submissionIo(table: TableRef, units: Unit[]) {
  const store = new DynamoItemStore(table);
  const indexer = { index: new DynamoDuplicateIndexStore(table), now: () => new Date() };
  const unitStore = new DynamoUnitStore(table);
  const pool = writePool(units, 256);
  return async (serial: number) => {
    const entry = pool[serial % pool.length];
    if (!entry) return;
    const record = { pk: 'IDEMPOTENCY#submitItem', sk: randomUUID() };
    await table.client.send(
      new PutCommand({
        TableName: table.tableName,
        Item: { ...record, status: 'INPROGRESS' },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    await unitStore.get(entry.unit.id);
    const since = new Date(Date.now() - 180 * 86_400_000).toISOString();
    await store.duplicateCandidates(entry.buckets, since);
    const write = submitWrite(entry);
    await store.submit(write);
    await table.client.send(
      new UpdateCommand({
        TableName: table.tableName,
        Key: record,
        UpdateExpression: 'SET #status = :done',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':done': 'COMPLETED' },
      }),
    );
    await indexSignatures(indexer, [write.item.itemId]);
  };
}

export const measure: Measure = async (options: BenchOptions): Promise<BenchRow[]> => {
  const seconds = options.short ? 15 : 45;
  exitCleanlyOnSignals();
  const stack = await startStackForTest({ timeoutMs: 90_000 });
  options.log(`throughput: local stack up at ${stack.urls.api} (data ${stack.dataDir})`);
  try {
    const units = (
      await new DynamoUnitStore({
        client: documentClient(localDynamoClient(stack.urls.dynamodb)),
        tableName: localNames.table,
      }).list()
    ).filter((unit) => unit.active);
    const tokens = await reporterTokens(stack, units);
    options.log(`throughput: ${tokens.length} reporter tokens issued; warming up`);
    const call = apiClient(() => stack.urls.api);
    for (const [index, token] of tokens.slice(0, 3).entries()) {
      const warm = await call('POST', '/items', {
        token,
        headers: { 'idempotency-key': randomUUID() },
        json: benchSubmission(-1 - index),
      });
      if (warm.status !== 201) throw new Error(`a warm-up submission answered ${warm.status}`);
    }

    // In-process phases first: they end with nothing in flight, while autocannon leaves requests
    // running on the stack when its time is up, which would slow whatever came next.
    options.log(`throughput: raw store, ${connections} writers, ${seconds} s`);
    const rawTable = await benchTable(stack, 'bench-raw-store', units);
    const rawActions = countTransactionActions(rawTable);
    const raw = await withStackCpu(stack, () => writers(seconds, rawStore(rawTable, units)));
    const rawMaxActions = rawActions.max;
    const personActions = await signedInPersonActions(rawTable, units, rawActions);
    options.log('throughput: the submission’s DynamoDB calls without gateway or function');
    const ioTable = await benchTable(stack, 'bench-submission-io', units);
    const io = await withStackCpu(stack, () => writers(seconds, submissionIo(ioTable, units)));
    options.log(`throughput: POST /items through the gateway, ${connections} connections, ${seconds} s`);
    const gateway = await withStackCpu(stack, () => throughGateway(stack, tokens, seconds));

    const ratio = gateway.perSecond / raw.perSecond;
    const failures = gateway.failed + raw.failed + io.failed;
    return [
      {
        section,
        name: `POST /items via the local gateway, ${connections} connections, ${tokens.length} reporters`,
        measured: `${gateway.perSecond.toFixed(0)} req/s (p50 ${ms(gateway.p50)}, p99 ${ms(gateway.p99)})`,
        baseline: `${raw.perSecond.toFixed(0)} tx/s raw store (p50 ${ms(raw.p50)}, p99 ${ms(raw.p99)})`,
        ratio: Math.round(ratio * 100) / 100,
        goal: `≥ ${goal}× raw store`,
        pass: ratio >= goal && gateway.done > 0 && failures === 0,
        note:
          `${gateway.done} items stored in ${seconds} s, ${failures} failures. Where the time goes, as CPU of the ` +
          `stack process per stored item: ${cpu(raw)} for the transaction itself (${rawMaxActions} actions: item, event, ` +
          'unit, period counters and one near-duplicate signature row; a signed-in person’s submission ' +
          `${personActions} — their 先进个人 figure rides on the unit's counter Update; applied one by one by the local ` +
          `transaction front), +${cpuDiff(io, raw)} for the submission's other DynamoDB calls (${LSH_BANDS} bucket Queries and a ` +
          `BatchGet of candidates' signatures, the idempotency record, the unit read, and the ${LSH_BANDS} bucket rows ` +
          `the indexer writes by BatchWrite after the commit), +${cpuDiff(gateway, io)} for gateway, ` +
          'authorizer and functions (validation, quality checks, MinHash, the asynchronous invoke). The stack used ' +
          `${busy(raw, seconds)} of a core raw and ${busy(gateway, seconds)} via the gateway on this shared ` +
          `machine; CPU per item raw ÷ via the gateway = ${cpuRatio(raw, gateway)}, close to the rate ratio when ` +
          'the shares match.',
      },
    ];
  } finally {
    await stack.stop();
  }
};
