import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as sesModule from 'aws-ses-v2-local';

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

/** The SES emulator and its mailbox page (`/`), in this process; mail is kept in memory only. */
export async function startSes(options: { port: number; host?: string }): Promise<SesEmulator> {
  const host = options.host ?? '127.0.0.1';
  const server = await startFunction()({ host, port: options.port });
  // Express hands a listen error to the callback and the emulator resolves anyway: check.
  if (!server.listening) {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    throw new Error(`the SES emulator could not listen on port ${options.port} (in use?)`);
  }
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
