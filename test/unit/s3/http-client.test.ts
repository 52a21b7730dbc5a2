/**
 * The functions' S3 client without a network: requests go to a scripted transport, which also
 * injects the faults S3 answers with (throttles, server errors, broken connections, a copy's
 * error inside a 200). Signatures are checked against the SDK's own presigner here and against
 * s3rver (which verifies them) in the integration tests.
 */
import { createHash } from 'node:crypto';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { describe, expect, it } from 'vitest';
import { S3ArchiveObjects } from '#shared/store/s3/archive-objects';
import { S3AttachmentObjects } from '#shared/store/s3/attachment-objects';
import { S3BulletinFiles } from '#shared/store/s3/bulletin-files';
import {
  readListPage,
  S3Error,
  S3HttpClient,
  type S3HttpRequest,
  type S3HttpResponse,
  type S3Settings,
  s3SettingsFromEnvironment,
} from '#shared/store/s3/http-client';

const credentials = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
};
const cloud: S3Settings = {
  endpoint: 'https://s3.cn-north-1.amazonaws.com.cn',
  region: 'cn-north-1',
  credentials,
  pathStyle: false,
  maxAttempts: 3,
  idleTimeoutMs: 1000,
};
const local: S3Settings = {
  ...cloud,
  endpoint: 'http://127.0.0.1:4569',
  region: 'us-east-1',
  pathStyle: true,
};

type Answer = Partial<S3HttpResponse> | Error;

/** A transport that answers from a script, in order, and records every request. */
function scripted(...answers: Answer[]) {
  const requests: S3HttpRequest[] = [];
  const transport = async (request: S3HttpRequest) => {
    requests.push(request);
    const answer = answers.shift() ?? { status: 200 };
    if (answer instanceof Error) throw answer;
    return { status: 200, headers: {}, body: new Uint8Array(0), ...answer };
  };
  return { requests, transport };
}

const xml = (text: string) => ({ body: new TextEncoder().encode(text) });
const errorDocument = (code: string, message = code) =>
  xml(
    `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`,
  );

function clientWith(settings: S3Settings, ...answers: Answer[]) {
  const script = scripted(...answers);
  return { client: new S3HttpClient(settings, script.transport, () => 0), requests: script.requests };
}

describe('presigned URLs', () => {
  const at = new Date('2026-11-25T02:00:00Z');
  const sdk = new S3Client({
    region: 'cn-north-1',
    credentials,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const params = (url: string) => {
    const parsed = new URL(url);
    return {
      origin: parsed.origin,
      path: parsed.pathname,
      query: Object.fromEntries([...parsed.searchParams].sort()),
    };
  };

  it('are the very URLs the SDK’s presigner makes (GET with overrides, PUT with signed type and size)', async () => {
    const { client } = clientWith(cloud);
    const key = 'items/it_1/at_1/汇报 材料(终稿).pdf';
    const disposition = "attachment; filename*=UTF-8''%E6%B1%87%E6%8A%A5.pdf";
    const mineGet = await client.presign({
      method: 'GET',
      bucket: 'attachments',
      key,
      // The SDK names the operation in the query (`x-id`); S3 needs no such thing.
      query: {
        'response-content-type': 'application/pdf',
        'response-content-disposition': disposition,
        'x-id': 'GetObject',
      },
      expiresIn: 900,
      signingDate: at,
    });
    const sdkGet = await getSignedUrl(
      sdk,
      new GetObjectCommand({
        Bucket: 'attachments',
        Key: key,
        ResponseContentType: 'application/pdf',
        ResponseContentDisposition: disposition,
      }),
      { expiresIn: 900, signingDate: at },
    );
    expect(params(mineGet)).toEqual(params(sdkGet));
    const minePut = await client.presign({
      method: 'PUT',
      bucket: 'attachments',
      key,
      query: { 'x-id': 'PutObject' },
      signedHeaders: { 'content-type': 'application/pdf', 'content-length': '1234' },
      expiresIn: 900,
      signingDate: at,
    });
    const sdkPut = await getSignedUrl(
      sdk,
      new PutObjectCommand({
        Bucket: 'attachments',
        Key: key,
        ContentType: 'application/pdf',
        ContentLength: 1234,
      }),
      { expiresIn: 900, signingDate: at, signableHeaders: new Set(['content-type', 'content-length']) },
    );
    expect(params(minePut)).toEqual(params(sdkPut));
    expect(params(minePut).query['X-Amz-SignedHeaders']).toBe('content-length;content-type;host');
  });

  it('name the bucket in the path on the emulator and carry a session token', async () => {
    const { client } = clientWith({ ...local, credentials: { ...credentials, sessionToken: 'tok/en+=' } });
    const url = new URL(await client.presign({ method: 'GET', bucket: 'b', key: 'a/b.docx', expiresIn: 60 }));
    expect(url.origin).toBe('http://127.0.0.1:4569');
    expect(url.pathname).toBe('/b/a/b.docx');
    expect(url.searchParams.get('X-Amz-Security-Token')).toBe('tok/en+=');
  });

  it('refuse a lifetime over a week, as S3 would', async () => {
    const { client } = clientWith(cloud);
    await expect(
      client.presign({ method: 'GET', bucket: 'b', key: 'k', expiresIn: 8 * 24 * 3600 }),
    ).rejects.toBeTruthy();
  });
});

describe('settings from the environment', () => {
  it('path style only when XINBAO_S3_PATH_STYLE is true, the S3 endpoint variable first, the regional endpoint otherwise', () => {
    const base = { AWS_REGION: 'cn-north-1', AWS_ACCESS_KEY_ID: 'a', AWS_SECRET_ACCESS_KEY: 's' };
    expect(s3SettingsFromEnvironment(base)).toMatchObject({
      endpoint: 'https://s3.cn-north-1.amazonaws.com.cn',
      pathStyle: false,
      credentials: { accessKeyId: 'a', secretAccessKey: 's' },
    });
    expect(s3SettingsFromEnvironment({ ...base, AWS_REGION: 'eu-west-1' }).endpoint).toBe(
      'https://s3.eu-west-1.amazonaws.com',
    );
    expect(
      s3SettingsFromEnvironment({
        ...base,
        AWS_ENDPOINT_URL: 'http://elsewhere',
        AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:4569',
        XINBAO_S3_PATH_STYLE: 'true',
      }),
    ).toMatchObject({ endpoint: 'http://127.0.0.1:4569', pathStyle: true });
    expect(() => s3SettingsFromEnvironment({ AWS_REGION: 'cn-north-1' })).toThrow('credentials');
    expect(() => s3SettingsFromEnvironment({})).toThrow('AWS_REGION');
  });
});

describe('signed requests', () => {
  it('address the bucket by host in the cloud and by path on the emulator, keys encoded once', async () => {
    const cloudCall = clientWith(cloud);
    await cloudCall.client.send({ method: 'DELETE', bucket: 'archive', key: '2026/政务 信息/1.html' });
    expect(cloudCall.requests[0]?.url.toString()).toBe(
      'https://archive.s3.cn-north-1.amazonaws.com.cn/2026/%E6%94%BF%E5%8A%A1%20%E4%BF%A1%E6%81%AF/1.html',
    );
    const localCall = clientWith(local);
    await localCall.client.send({ method: 'DELETE', bucket: 'archive', key: 'a+b/c' });
    expect(localCall.requests[0]?.url.toString()).toBe('http://127.0.0.1:4569/archive/a%2Bb/c');
    const headers = cloudCall.requests[0]?.headers ?? {};
    expect(headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/cn-north-1\/s3\/aws4_request/,
    );
    expect(headers['x-amz-content-sha256']).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });

  it('retry throttles, server errors and broken connections, then succeed', async () => {
    const { client, requests } = clientWith(
      cloud,
      { status: 503, ...errorDocument('SlowDown') },
      new Error('ECONNRESET'),
      {
        status: 200,
      },
    );
    const put = await client.send({ method: 'PUT', bucket: 'b', key: 'k', body: new Uint8Array([1, 2, 3]) });
    expect(put.status).toBe(200);
    expect(requests).toHaveLength(3);
    expect(requests.every((request) => request.headers['content-length'] === '3')).toBe(true);
  });

  it('give up after three attempts with S3’s own error code, and never retry a refusal', async () => {
    const failing = clientWith(
      cloud,
      ...Array.from({ length: 3 }, () => ({ status: 500, ...errorDocument('InternalError') })),
    );
    await expect(failing.client.send({ method: 'GET', bucket: 'b', key: 'k' })).rejects.toMatchObject({
      name: 'InternalError',
      status: 500,
    });
    expect(failing.requests).toHaveLength(3);
    const refused = clientWith(cloud, { status: 403, ...errorDocument('AccessDenied', 'Access Denied') });
    const error = await refused.client
      .send({ method: 'GET', bucket: 'b', key: 'k' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(S3Error);
    expect(error).toMatchObject({ code: 'AccessDenied', status: 403, message: 'Access Denied' });
    expect(refused.requests).toHaveLength(1);
  });

  it('read a copy answered 200 with an error document as the error it is', async () => {
    const { client } = clientWith(
      cloud,
      { status: 200, ...errorDocument('InternalError') },
      { status: 200, ...errorDocument('InternalError') },
      { status: 200, ...errorDocument('InternalError') },
    );
    const objects = new S3AttachmentObjects(client, 'b');
    await expect(objects.copy('quarantine/k', 'k', '"etag"')).rejects.toMatchObject({
      code: 'InternalError',
    });
  });

  it('a proxy’s HTML page is an error by its status', async () => {
    const { client } = clientWith(
      { ...cloud, maxAttempts: 1 },
      { status: 502, ...xml('<html><body>Bad gateway') },
    );
    await expect(client.send({ method: 'GET', bucket: 'b', key: 'k' })).rejects.toMatchObject({
      code: 'Http502',
      status: 502,
    });
  });
});

describe('the adapters over it', () => {
  it('attachments: head answers undefined for a missing object, the size, type and etag otherwise', async () => {
    const { client } = clientWith(
      cloud,
      { status: 404 },
      { status: 200, headers: { 'content-length': '42', 'content-type': 'application/pdf', etag: '"abc"' } },
    );
    const objects = new S3AttachmentObjects(client, 'b');
    expect(await objects.head('missing')).toBeUndefined();
    expect(await objects.head('there')).toEqual({ size: 42, contentType: 'application/pdf', etag: '"abc"' });
  });

  it('attachments: reads a byte range only of the checked bytes, trimming a server that ignored Range', async () => {
    const digits = new TextEncoder().encode('0123456789');
    const { client, requests } = clientWith(
      cloud,
      { status: 200, body: digits },
      { status: 206, body: digits.subarray(2, 5), headers: { 'content-range': 'bytes 2-4/10' } },
      { status: 412, ...errorDocument('PreconditionFailed') },
    );
    const objects = new S3AttachmentObjects(client, 'b');
    expect(new TextDecoder().decode(await objects.readRange('k', 2, 4))).toBe('234');
    expect(requests[0]?.headers.range).toBe('bytes=2-4');
    expect(new TextDecoder().decode(await objects.readRange('k', 2, 4, '"e1"'))).toBe('234');
    expect(requests[1]?.headers['if-match']).toBe('"e1"');
    await expect(objects.readRange('k', 0, 9, '"e1"')).rejects.toMatchObject({ code: 'ATTACHMENT_CHANGED' });
  });

  it('attachments: copies only while the source holds the checked bytes', async () => {
    const { client, requests } = clientWith(
      cloud,
      { status: 200, ...xml('<CopyObjectResult><ETag>"e"</ETag></CopyObjectResult>') },
      { status: 412, ...errorDocument('PreconditionFailed') },
    );
    const objects = new S3AttachmentObjects(client, 'b');
    expect(await objects.copy('quarantine/items/汇报.pdf', 'items/汇报.pdf', '"e"')).toBe(true);
    expect(requests[0]?.headers['x-amz-copy-source']).toBe('b/quarantine/items/%E6%B1%87%E6%8A%A5.pdf');
    expect(requests[0]?.headers['x-amz-copy-source-if-match']).toBe('"e"');
    expect(await objects.copy('quarantine/k', 'k', '"e"')).toBe(false);
  });

  it('archive: lists every page, decoding keys S3 URL-encoded, and reads a missing key as undefined', async () => {
    const page = (keys: string[], token?: string, encoded = false) =>
      xml(
        `<ListBucketResult>${encoded ? '<EncodingType>url</EncodingType>' : ''}<IsTruncated>${token ? 'true' : 'false'}</IsTruncated>${keys
          .map((key) => `<Contents><Key>${key}</Key></Contents>`)
          .join(
            '',
          )}${token ? `<NextContinuationToken>${token}</NextContinuationToken>` : ''}</ListBucketResult>`,
      );
    const { client, requests } = clientWith(
      cloud,
      { status: 200, ...page(['2026/a.html', '2026/b.html'], 'next+/token=') },
      { status: 200, ...page(['2026/%E6%94%BF+%E5%8A%A1.html', '2026/a%2Bb.html'], undefined, true) },
      { status: 404, ...errorDocument('NoSuchKey') },
    );
    const objects = new S3ArchiveObjects(client, 'archive');
    expect(await objects.list('2026/')).toEqual([
      '2026/a.html',
      '2026/b.html',
      '2026/政 务.html',
      '2026/a+b.html',
    ]);
    expect(requests[0]?.url.searchParams.get('list-type')).toBe('2');
    expect(requests[0]?.url.searchParams.get('prefix')).toBe('2026/');
    expect(requests[1]?.url.searchParams.get('continuation-token')).toBe('next+/token=');
    expect(await objects.get('2026/gone.html')).toBeUndefined();
  });

  it('archive: refuses an answer that is not a listing', () => {
    expect(() => readListPage('<Error><Code>AccessDenied</Code></Error>')).toThrow('ListObjectsV2');
  });

  it('bulletin files: stored with their SHA-256 as metadata and the declared type', async () => {
    const { client, requests } = clientWith(cloud, { status: 200 });
    const files = new S3BulletinFiles(client, 'files');
    const stored = await files.put('bulletins/1.docx', Buffer.from('word'), 'application/msword');
    expect(stored).toEqual({
      key: 'bulletins/1.docx',
      size: 4,
      sha256: createHash('sha256').update('word').digest('hex'),
    });
    expect(requests[0]?.headers['x-amz-meta-sha256']).toBe(stored.sha256);
    expect(requests[0]?.headers['content-type']).toBe('application/msword');
  });
});
