/**
 * Fresh emulators for one bench: an in-memory local DynamoDB in a child process and, on request,
 * s3rver in a temporary folder. Every process and folder goes away on `close()` and, whatever
 * happens, when the bench process exits — so a second run never meets the first one's leftovers.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import { localDynamoClient, localS3Client } from '../../infra/local/aws';
import { projectRoot } from '../../infra/local/paths';
import { ensureBucket, ensureTable } from '../../infra/local/provision';
import { startS3 } from '../../infra/local/services/s3';
import { documentClient, type TableRef } from '../../shared/store/dynamo/client';
import { exitCleanlyOnSignals } from './stack-exit';

export interface BenchEmulators {
  dynamoEndpoint: string;
  s3Endpoint?: string;
  /** A new DynamoDB client on the emulator (so a bench can add its own middleware). */
  dynamoClient(): DynamoDBClient;
  s3Client(): S3Client;
  /** Creates the table from the one declaration and returns a reference to it. */
  table(name: string, client?: DynamoDBClient): Promise<TableRef>;
  bucket(name: string): Promise<void>;
  close(): Promise<void>;
}

const children = new Set<ChildProcess>();
const folders = new Set<string>();
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function startDynamoChild(): Promise<{ endpoint: string; close(): Promise<void> }> {
  const node = join(projectRoot, 'node_modules/.bin/node');
  // tsx as a loader rather than its CLI: one process, so a kill reaches the store itself.
  const child = spawn(
    existsSync(node) ? node : process.execPath,
    ['--import', 'tsx', join(projectRoot, 'bench/support/stack-dynamo-child.ts')],
    { cwd: projectRoot, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] },
  );
  children.add(child);
  child.once('exit', () => children.delete(child));
  const endpoint = await new Promise<string>((resolve, reject) => {
    child.once('message', (message) => {
      const value =
        typeof message === 'object' && message !== null ? Reflect.get(message, 'endpoint') : undefined;
      if (typeof value === 'string') resolve(value);
      else reject(new Error(`unexpected message from the DynamoDB child: ${JSON.stringify(message)}`));
    });
    child.once('exit', (code) => reject(new Error(`the DynamoDB child exited (${code}) before it was up`)));
  });
  return {
    endpoint,
    async close() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited(child);
      clearTimeout(timer);
    },
  };
}

export async function startBenchEmulators(options: { s3?: boolean } = {}): Promise<BenchEmulators> {
  exitCleanlyOnSignals();
  const dynamo = await startDynamoChild();
  let folder: string | undefined;
  let s3: Awaited<ReturnType<typeof startS3>> | undefined;
  try {
    if (options.s3) {
      folder = mkdtempSync(join(tmpdir(), 'xinbao-bench-s3-'));
      folders.add(folder);
      s3 = await startS3({ port: 0, directory: folder });
    }
  } catch (error) {
    await dynamo.close();
    throw error;
  }
  const clients: { destroy(): void }[] = [];
  const dynamoClient = () => {
    const client = localDynamoClient(dynamo.endpoint);
    clients.push(client);
    return client;
  };
  const s3Client = () => {
    if (!s3) throw new Error('these emulators were started without S3');
    const client = localS3Client(s3.endpoint);
    clients.push(client);
    return client;
  };
  let closing: Promise<void> | undefined;
  return {
    dynamoEndpoint: dynamo.endpoint,
    ...(s3 ? { s3Endpoint: s3.endpoint } : {}),
    dynamoClient,
    s3Client,
    async table(name, client = dynamoClient()) {
      await ensureTable(client, name);
      return { client: documentClient(client), tableName: name };
    },
    async bucket(name) {
      const client = s3Client();
      await ensureBucket(client, name);
    },
    close() {
      closing ??= (async () => {
        for (const client of clients.splice(0)) client.destroy();
        await Promise.all([dynamo.close(), s3?.close()]);
        if (folder) {
          rmSync(folder, { recursive: true, force: true });
          folders.delete(folder);
        }
      })();
      return closing;
    },
  };
}
