/**
 * The web console on one more port: built by Vite when its sources changed since the last build,
 * served as static files with the same security headers as in the cloud, and `/config.json`
 * naming this stack's API and user pool (the cloud writes that file at deploy time).
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  consoleContentSecurityPolicy,
  entryCacheControl,
  hashedAssetCacheControl,
} from '../../../shared/catalogue/console';
import { projectRoot } from '../paths';

export interface ConsoleConfig {
  apiUrl: string;
  cognitoEndpoint: string;
  userPoolClientId: string;
  idleMinutes: number;
}

export interface ConsoleServer {
  url: string;
  close(): Promise<void>;
}

export const consoleRoot = join(projectRoot, 'console');
export const consoleDistDir = join(consoleRoot, 'dist');
const distDir = consoleDistDir;
/** The build's source hash, kept beside the build; not a file to serve or upload. */
export const stampFile = '.source-hash';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** What a build depends on: the console's sources and the exact package versions. */
export async function consoleSourceHash(): Promise<string> {
  const hash = createHash('sha256');
  const files = [
    ...(await filesUnder(join(consoleRoot, 'src'))),
    join(consoleRoot, 'index.html'),
    join(consoleRoot, 'vite.config.ts'),
    join(projectRoot, 'package-lock.json'),
  ];
  for (const file of files) hash.update(file.slice(projectRoot.length)).update(await readFile(file));
  return hash.digest('hex');
}

/**
 * Builds into a fresh folder and swaps it in, so a stack serving the old build (or another
 * process building at the same time) never sees half a build.
 */
export async function ensureConsoleBuilt(log: (line: string) => void = () => {}): Promise<void> {
  const wanted = await consoleSourceHash();
  const built = await readFile(join(distDir, stampFile), 'utf8').catch(() => '');
  if (built === wanted) return;
  log('控制台构建中 / building the console…');
  const outDir = `${distDir}.${process.pid}.${Date.now()}`;
  const { build } = await import('vite');
  await build({
    configFile: join(consoleRoot, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  await writeFile(join(outDir, stampFile), wanted);
  const old = `${distDir}.old.${process.pid}.${Date.now()}`;
  await rename(distDir, old).catch(() => undefined);
  await rename(outDir, distDir).catch(async () => {
    // Another process swapped in the same build first: keep theirs.
    await rm(outDir, { recursive: true, force: true });
  });
  await rm(old, { recursive: true, force: true });
}

function securityHeaders(config: ConsoleConfig, extraConnect: readonly string[]): Record<string, string> {
  return {
    'content-security-policy': consoleContentSecurityPolicy({
      connect: [config.apiUrl, config.cognitoEndpoint, ...extraConnect],
      img: extraConnect,
    }),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
  };
}

const compressible = (type: string) => /^(text\/|application\/json|image\/svg)/.test(type);

/** Compressed once per file and build (hashed names; index.html is small). */
const compressed = new Map<string, Buffer>();
async function gzipped(file: string): Promise<Buffer> {
  const key = `${file}:${(await stat(file)).mtimeMs}`;
  let body = compressed.get(key);
  if (!body) {
    body = gzipSync(await readFile(file));
    compressed.set(key, body);
  }
  return body;
}

export interface ConsoleServerOptions {
  port: number;
  host: string;
  /** Read at each request: the stack learns its API and pool addresses after this server listens. */
  config: () => ConsoleConfig;
  /** Other origins the console's pages fetch from or show (presigned attachment URLs). */
  extraOrigins?: () => readonly string[];
}

export async function startConsoleServer(options: ConsoleServerOptions): Promise<ConsoleServer> {
  const server: Server = createServer((req, res) => {
    void (async () => {
      const config = options.config();
      const headers = securityHeaders(config, options.extraOrigins?.() ?? []);
      const path = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { allow: 'GET, HEAD' }).end();
        return;
      }
      if (path === '/config.json') {
        res.writeHead(200, {
          ...headers,
          'content-type': contentTypes['.json'],
          'cache-control': 'no-store',
        });
        res.end(JSON.stringify(config));
        return;
      }
      const file = normalize(join(distDir, path));
      const inside = file.startsWith(distDir + sep) && !file.endsWith(stampFile);
      const found = inside && (await stat(file).catch(() => undefined))?.isFile();
      // Paths of the single-page app (no file extension) get index.html; a missing asset is a 404.
      const pagePath = extname(path) === '' && !path.split('/').some((part) => part.startsWith('.'));
      const served = found ? file : pagePath ? join(distDir, 'index.html') : undefined;
      if (!served) {
        res.writeHead(404, { ...headers, 'content-type': 'text/plain; charset=utf-8' }).end('未找到');
        return;
      }
      const type = contentTypes[extname(served)] ?? 'application/octet-stream';
      // Compressed as CloudFront sends it: a county clerk's slow link gets a third of the bytes.
      const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) && compressible(type);
      const body = gzip ? await gzipped(served) : await readFile(served);
      res.writeHead(200, {
        ...headers,
        'content-type': type,
        ...(gzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
        // Hashed asset names never change content; index.html must always be fresh.
        'cache-control': served.includes(`${sep}assets${sep}`) ? hashedAssetCacheControl : entryCacheControl,
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    })().catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
