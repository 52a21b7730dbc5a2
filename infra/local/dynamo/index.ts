import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import dynalite from 'dynalite';
import { FaultInjector, type FaultPlan, noFaults } from './faults';
import { createFront } from './front';
import { Journal } from './journal';
import { KeySchemaCache } from './key-schema';
import { closeDynaliteIterators } from './level-iterators';
import { RwLock } from './rw-lock';
import { closeServer, listen } from './servers';
import { IdempotencyTokens } from './tokens';
import { Upstream } from './upstream';

export interface LocalDynamoOptions {
  port: number;
  host?: string;
  /** Directory for the data (dynalite's LevelDB and the transaction journal); undefined = in memory. */
  dataDir?: string;
  /** Faults to inject once armed (test hook, see faults.ts); none by default. */
  faults?: FaultPlan;
}

export interface LocalDynamo {
  endpoint: string;
  faults: FaultInjector;
  close(): Promise<void>;
}

/**
 * Local DynamoDB: dynalite on a private port, behind our front that adds TransactWriteItems and
 * TransactGetItems. Only the front is reachable through `endpoint`; nothing may talk to dynalite
 * directly, or the front's isolation and journal would be bypassed.
 */
export async function startLocalDynamo(options: LocalDynamoOptions): Promise<LocalDynamo> {
  const { dataDir } = options;
  if (dataDir) await mkdir(dataDir, { recursive: true });
  closeDynaliteIterators();
  const backend = dynalite({
    createTableMs: 0,
    deleteTableMs: 0,
    ...(dataDir ? { path: join(dataDir, 'dynalite') } : {}),
  });
  const backendPort = await listen(backend, 0, '127.0.0.1');
  const upstream = new Upstream('127.0.0.1', backendPort);

  try {
    // Opens the store now, so a locked or broken data directory fails here and not on first use.
    await upstream.callOk('ListTables', {});
    const journal = await Journal.open(dataDir ? join(dataDir, 'tx-journal') : undefined);
    await journal.recover(upstream);

    const lock = new RwLock();
    const faults = new FaultInjector(options.faults ?? noFaults);
    const front = createFront(
      { upstream, lock, journal, tables: new KeySchemaCache(upstream), tokens: new IdempotencyTokens() },
      faults,
    );
    const host = options.host ?? '127.0.0.1';
    const port = await listen(front, options.port, host);
    let closing: Promise<void> | undefined;
    return {
      endpoint: `http://${endpointHost(host)}:${port}`,
      faults,
      close() {
        closing ??= (async () => {
          await closeServer(front);
          // Let a transaction in flight finish (or roll back) before the store goes away.
          await lock.acquireExclusive();
          upstream.close();
          await closeServer(backend);
        })();
        return closing;
      },
    };
  } catch (error) {
    upstream.close();
    await closeServer(backend);
    throw error;
  }
}

/** A host clients can dial: wildcard listeners are reached through loopback. */
function endpointHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}
