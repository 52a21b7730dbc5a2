import { randomUUID } from 'node:crypto';
import { afterEach, expect } from 'vitest';
import type { CallOptions, Reply } from './api';

type Call = (method: string, path: string, options?: CallOptions) => Promise<Reply>;

/** Today's date in Asia/Shanghai, as event dates are written. */
export const todayInShanghai = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/** A failure over HTTP says little: on a failed test, print what the stack logged as errors. */
export function showStackErrorsOnFailure(output: () => string): void {
  afterEach(({ task }) => {
    if (task.result?.state !== 'fail') return;
    console.error(
      output()
        .split('\n')
        .filter((line) => line.includes('"ERROR"'))
        .join('\n')
        .slice(-4000),
    );
  });
}

/** A reporter submits a well-formed item; the item id comes back. */
export async function submitItem(
  call: Call,
  token: string,
  text: { title: string; body: string; openness?: 'public' | 'internal' },
): Promise<string> {
  const submitted = await call('POST', '/items', {
    token,
    headers: { 'idempotency-key': randomUUID() },
    json: {
      title: text.title,
      body: text.body,
      eventDate: todayInShanghai(),
      urgency: 'normal',
      openness: text.openness ?? 'public',
      secrecy: 'non-secret',
      approver: '张建国',
      author: { name: '李晓梅', phone: '0536-8201234' },
    },
  });
  expect(submitted.status).toBe(201);
  return String(submitted.body.itemId);
}
