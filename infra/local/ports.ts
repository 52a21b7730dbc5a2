import { createServer } from 'node:net';
import { StartupError } from './errors';

/** Offsets from the base port, in the order the README documents them. */
export const portOffsets = {
  api: 0,
  archive: 1,
  mailbox: 2,
  s3: 3,
  dynamodb: 4,
  cognito: 5,
  console: 6,
} as const;
export type Service = keyof typeof portOffsets;
export type PortPlan = Record<Service, number>;

/**
 * Base port P → API P, archive P+1, mailbox P+2, S3 P+3, DynamoDB P+4, Cognito (cognito-local) P+5,
 * console P+6;
 * 0 → every service on a free port.
 */
export function planPorts(base: number): PortPlan {
  const at = (offset: number) => (base === 0 ? 0 : base + offset);
  return {
    api: at(portOffsets.api),
    archive: at(portOffsets.archive),
    mailbox: at(portOffsets.mailbox),
    s3: at(portOffsets.s3),
    dynamodb: at(portOffsets.dynamodb),
    cognito: at(portOffsets.cognito),
    console: at(portOffsets.console),
  };
}

export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

/** Fails before anything starts, naming the ports that are taken. */
export async function assertPortsFree(plan: PortPlan, host = '127.0.0.1'): Promise<void> {
  const entries = Object.entries(plan).filter(([, port]) => port !== 0);
  const taken: string[] = [];
  for (const [service, port] of entries)
    if (!(await isPortFree(port, host))) taken.push(`${port} (${service})`);
  if (taken.length > 0) {
    throw new StartupError(
      `端口已被占用 / port(s) in use: ${taken.join(', ')} — 换一个 --port 试试 / try another --port`,
    );
  }
}
