import { join } from 'node:path';
import { readEnvFile } from '../env';

/** What `npm start` prints and keeps in `<data>/demo-tokens.env`. */
export interface DemoTokens {
  ADMIN_TOKEN: string;
  EDITOR_TOKEN: string;
  LEADER_TOKEN: string;
  REPORTER_TOKEN: string;
  REPORTER_UNIT: string;
}

export const demoTokensFile = (dataDir: string) => join(dataDir, 'demo-tokens.env');

export async function readDemoTokens(dataDir: string): Promise<DemoTokens | undefined> {
  const env = await readEnvFile(demoTokensFile(dataDir));
  if (!env) return undefined;
  const { ADMIN_TOKEN, EDITOR_TOKEN, LEADER_TOKEN, REPORTER_TOKEN, REPORTER_UNIT } = env;
  if (!ADMIN_TOKEN || !EDITOR_TOKEN || !LEADER_TOKEN || !REPORTER_TOKEN || !REPORTER_UNIT) return undefined;
  return { ADMIN_TOKEN, EDITOR_TOKEN, LEADER_TOKEN, REPORTER_TOKEN, REPORTER_UNIT };
}
