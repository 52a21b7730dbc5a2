import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import * as sesModule from 'aws-ses-v2-local';
import type * as SesStore from 'aws-ses-v2-local/dist/store';

export interface SesEmulator {
  endpoint: string;
  close(): Promise<void>;
}

type StartSes = (config?: { host?: string; port?: number }) => Promise<Server>;

/** The package is CommonJS with `exports.default`; plain Node and vitest disagree on the default import. */
function startFunction(): StartSes {
  const namespace: unknown = sesModule;
  const candidates = [Reflect.get(Object(namespace), 'default'), namespace];
  for (const candidate of candidates) {
    if (typeof candidate === 'function') return candidate as StartSes;
    const inner = Reflect.get(Object(candidate), 'default');
    if (typeof inner === 'function') return inner as StartSes;
  }
  throw new Error('aws-ses-v2-local exports no server function');
}

type StoreModule = { -readonly [K in keyof typeof SesStore]: (typeof SesStore)[K] };

/** The emulator's own store module (the very instance its routes call at request time). */
const store = createRequire(import.meta.url)('aws-ses-v2-local/dist/store.js') as StoreModule;
const originalSave = store.saveEmail;
const originalClear = store.clearStore;

/**
 * The emulator keeps mail in memory only; a restart would empty the mailbox a user is checking.
 * Each message is appended to a JSON-lines file as it arrives (a crash loses nothing already
 * answered) and read back at start; clearing the mailbox page empties the file too.
 */
function keepMailIn(file: string): void {
  if (existsSync(file)) {
    const emails = store.getStoreReadonly().emails;
    emails.length = 0;
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (line.trim()) emails.push(JSON.parse(line) as SesStore.Email);
    }
  }
  store.saveEmail = (email) => {
    appendFileSync(file, `${JSON.stringify(email)}\n`);
    originalSave(email);
  };
  store.clearStore = () => {
    writeFileSync(file, '');
    originalClear();
  };
}

/**
 * The SES emulator and its mailbox page (`/`), in this process. With `mailFile` the mailbox
 * survives a restart; without it, mail is kept in memory only.
 */
export async function startSes(options: {
  port: number;
  host?: string;
  mailFile?: string;
}): Promise<SesEmulator> {
  const host = options.host ?? '127.0.0.1';
  if (options.mailFile) keepMailIn(options.mailFile);
  const server = await startFunction()({ host, port: options.port });
  const forgetFile = () => {
    store.saveEmail = originalSave;
    store.clearStore = originalClear;
  };
  // Express hands a listen error to the callback and the emulator resolves anyway: check.
  if (!server.listening) {
    forgetFile();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    throw new Error(`the SES emulator could not listen on port ${options.port} (in use?)`);
  }
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    close: () =>
      new Promise((resolve) => {
        forgetFile();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
