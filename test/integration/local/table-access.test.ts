/**
 * Every scheduled job, run by the in-process local stack exactly as its schedule delivers it,
 * stays inside its function's declared table access (the local runtime refuses anything else,
 * as IAM does in the cloud). The HTTP functions are held to theirs by every end-to-end test.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schedules } from '../../../events/schedules';
import { type LocalStack, startLocalStack } from '../../../infra/local/stack';

let stack: LocalStack;
let dataDir = '';
const lines: string[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'xinbao-access-'));
  stack = await startLocalStack({ port: 0, dataDir, log: (line) => lines.push(line) });
});
afterAll(async () => {
  await stack?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

const denials = () => lines.filter((line) => line.includes('access denied'));

describe('scheduled jobs within their declared table access', () => {
  // The first of a month at 09:00 Shanghai: the month-close, ranking and daily jobs all have work.
  const tick = new Date('2026-12-01T01:00:00.000Z');

  it.each(schedules.map((schedule) => schedule.name))(
    '%s runs without a refused table request',
    async (name) => {
      const result = await stack.runSchedule(name, tick);
      expect(denials()).toEqual([]);
      expect(result).toMatchObject({ ok: true });
    },
  );
});
