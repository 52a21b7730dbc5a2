/**
 * The local attachments bucket answers browsers as the cloud one does: presigned uploads and
 * downloads from the console's origin pass the CORS preflight, any other origin is refused.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localNames } from '../../../infra/local/env';
import { type LocalStack, startLocalStack } from '../../../infra/local/stack';

let stack: LocalStack;
let dataDir = '';
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'xinbao-cors-'));
  stack = await startLocalStack({ port: 0, dataDir, demo: false, scheduler: false });
});
afterAll(async () => {
  await stack?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

const preflight = (origin: string) =>
  fetch(`${stack.urls.s3}/${localNames.attachmentsBucket}/quarantine/items/x/y/a.pdf`, {
    method: 'OPTIONS',
    headers: {
      Origin: origin,
      'Access-Control-Request-Method': 'PUT',
      'Access-Control-Request-Headers': 'content-type',
    },
  });

describe('attachment CORS in the local stack', () => {
  it("admits a presigned PUT from the console's origin (by default the local API's own)", async () => {
    const response = await preflight(stack.urls.api);
    expect(response.status).toBe(200);
    // s3rver answers a matched preflight with `*` (S3 echoes the origin); the match is what counts.
    expect(response.headers.get('access-control-allow-methods')).toContain('PUT');
  });

  it('refuses any other origin', async () => {
    const response = await preflight('https://elsewhere.example');
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});
