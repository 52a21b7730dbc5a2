import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateBucketCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localS3Client } from '../../../infra/local/aws';
import { type S3Emulator, startS3 } from '../../../infra/local/services/s3';
import { isAlive } from '../../support/processes';

let s3: S3Emulator;
let directory = '';
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'xinbao-s3-'));
  s3 = await startS3({ port: 0, directory });
});
afterAll(async () => {
  await s3.close();
  await rm(directory, { recursive: true, force: true });
});

describe('s3rver child process', () => {
  it('lists objects page by page (continuation tokens need the legacy OpenSSL provider)', async () => {
    const client = localS3Client(s3.endpoint);
    await client.send(new CreateBucketCommand({ Bucket: 'paging' }));
    const keys = Array.from({ length: 25 }, (_, i) => `简报/${String(i).padStart(2, '0')}.html`);
    await Promise.all(
      keys.map((Key) => client.send(new PutObjectCommand({ Bucket: 'paging', Key, Body: Key }))),
    );

    const seen: string[] = [];
    let pages = 0;
    let token: string | undefined;
    do {
      const page = await client.send(
        new ListObjectsV2Command({ Bucket: 'paging', MaxKeys: 10, ContinuationToken: token }),
      );
      pages++;
      for (const object of page.Contents ?? []) if (object.Key) seen.push(object.Key);
      token = page.NextContinuationToken;
    } while (token);
    expect(pages).toBe(3);
    expect(seen).toEqual(keys);

    const object = await client.send(new GetObjectCommand({ Bucket: 'paging', Key: keys[7] }));
    expect(await object.Body?.transformToString()).toBe(keys[7]);
    client.destroy();
  });

  it('ends its process on close', async () => {
    const other = await startS3({ port: 0, directory });
    expect(isAlive(other.pid)).toBe(true);
    await other.close();
    expect(isAlive(other.pid)).toBe(false);
  });
});
