/**
 * For the console's tests: the user pool as the browser reaches it (the SDK's fetch), answering
 * each request with the next of the given answers and recording what was sent.
 */
import { vi } from 'vitest';

export interface SentToPool {
  url: string;
  /** `AWSCognitoIdentityProviderService.<operation>` */
  target: string | null;
  body: Record<string, unknown>;
}

export function stubPool(answers: { status: number; body: unknown }[]): SentToPool[] {
  const sent: SentToPool[] = [];
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const target = request.headers.get('x-amz-target');
    sent.push({
      url: request.url,
      target,
      body: JSON.parse(await request.text()) as Record<string, unknown>,
    });
    // A call the test gave no answer for is refused at once: a 5xx would be retried by the SDK
    // after a pause, into whichever test runs next.
    const answer = answers.shift() ?? { status: 400, body: { __type: 'UnexpectedCallInTest' } };
    return new Response(JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'content-type': 'application/x-amz-json-1.1' },
    });
  });
  return sent;
}

/** The network itself failing, as a browser's fetch does on a broken link. */
export function stubNetworkDown(): void {
  vi.stubGlobal('fetch', async () => {
    throw new TypeError('Failed to fetch');
  });
}

/**
 * Lets the SDK's middleware stack run to the end (it takes more turns of the event loop than one
 * `flushPromises`), then the page's own updates.
 */
export async function poolSettled(): Promise<void> {
  for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setTimeout(resolve, 0));
}
