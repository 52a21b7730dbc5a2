import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';

export interface ArchiveSite {
  url: string;
  close(): Promise<void>;
}

const placeholderHome = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>政务信息公开刊物 · 信报</title>
<style>
body{margin:0;font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;color:#222;background:#fafafa}
main{max-width:40rem;margin:0 auto;padding:3rem 1.25rem}
h1{font-size:1.6rem;color:#b00;border-bottom:2px solid #b00;padding-bottom:.5rem}
p{line-height:1.8}
</style>
</head>
<body>
<main>
<h1>政务信息公开刊物</h1>
<p>目前还没有已发布的简报。</p>
<p>信息科编辑发布一期可公开的简报后，其内容将在此处按年度和刊物分类展示，并可全文检索。</p>
</main>
</body>
</html>
`;

const notFoundPage = `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>页面不存在</title></head>
<body><main><h1>页面不存在</h1><p>您访问的页面不存在或已被撤回。<a href="/">返回首页</a></p></main></body>
</html>
`;

const statusOf = (error: unknown) =>
  (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;

/** The first start has nothing published yet: give the site a home page that says so. */
export async function ensureArchiveHome(client: S3Client, bucket: string): Promise<'created' | 'exists'> {
  try {
    await client.send(new HeadObjectCommand({ Bucket: bucket, Key: 'index.html' }));
    return 'exists';
  } catch (error) {
    if (statusOf(error) !== 404) throw error;
  }
  await client.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: 'index.html',
      Body: placeholderHome,
      ContentType: 'text/html; charset=utf-8',
    }),
  );
  return 'created';
}

async function fetchObject(client: S3Client, bucket: string, key: string) {
  try {
    const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    const body = object.Body ? Buffer.from(await object.Body.transformToByteArray()) : Buffer.alloc(0);
    return { body, contentType: object.ContentType, etag: object.ETag, cacheControl: object.CacheControl };
  } catch (error) {
    const status = statusOf(error);
    if (status === 404 || status === 403) return undefined;
    throw error;
  }
}

/** Path → object key as an S3 static website reads it: directories mean their index.html. */
export function keyForPath(path: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return undefined;
  }
  const key = decoded.replace(/^\/+/, '');
  return key === '' || key.endsWith('/') ? `${key}index.html` : key;
}

/** Serves the archive bucket as the static site CloudFront serves in the cloud. */
export async function startArchiveSite(options: {
  client: S3Client;
  bucket: string;
  port: number;
  host?: string;
  log?: (line: string) => void;
}): Promise<ArchiveSite> {
  const { client, bucket } = options;
  const server: Server = createServer((req, res) => {
    void (async () => {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { allow: 'GET, HEAD' }).end();
        return;
      }
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      const key = keyForPath(path);
      const object = key ? await fetchObject(client, bucket, key) : undefined;
      if (object) {
        res.writeHead(200, {
          'content-type': object.contentType ?? 'application/octet-stream',
          'content-length': object.body.length,
          ...(object.etag ? { etag: object.etag } : {}),
          ...(object.cacheControl ? { 'cache-control': object.cacheControl } : {}),
        });
        res.end(req.method === 'HEAD' ? undefined : object.body);
        return;
      }
      // `/2026` with a `2026/index.html` behind it: S3 websites redirect to the directory.
      if (key && !key.endsWith('index.html') && (await fetchObject(client, bucket, `${key}/index.html`))) {
        res.writeHead(302, { location: `${path}/` }).end();
        return;
      }
      const custom = await fetchObject(client, bucket, '404.html');
      const page = custom?.body ?? Buffer.from(notFoundPage);
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8', 'content-length': page.length });
      res.end(req.method === 'HEAD' ? undefined : page);
    })().catch((error: unknown) => {
      options.log?.(`[archive] ${req.url}: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('存储服务暂不可用');
    });
  });
  const host = options.host ?? '127.0.0.1';
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve((server.address() as AddressInfo).port));
  });
  return {
    url: `http://localhost:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
