import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import type { MailDispatcher } from '../ports';

/** What the mailer accepts on an asynchronous invoke. */
export interface SendRequest {
  kind: 'send';
  messageIds: string[];
}

/**
 * Asks the mailer to send now: an asynchronous (`Event`) invoke, which Lambda queues and answers
 * with 202 at once, retrying a failed run twice. The endpoint comes from the SDK's own
 * AWS_ENDPOINT_URL_LAMBDA. A lost request is not lost mail: the scheduled sweep sends it later.
 */
export class LambdaMailDispatcher implements MailDispatcher {
  constructor(
    private readonly functionName: string,
    private readonly client = new LambdaClient({
      maxAttempts: 2,
      // The submitter waits for this call: fail fast, the sweep is the safety net.
      requestHandler: { connectionTimeout: 1000, requestTimeout: 3000 },
    }),
  ) {}

  async dispatch(messageIds: string[]): Promise<void> {
    if (messageIds.length === 0) return;
    const request: SendRequest = { kind: 'send', messageIds };
    const { StatusCode, FunctionError } = await this.client.send(
      new InvokeCommand({
        FunctionName: this.functionName,
        InvocationType: 'Event',
        Payload: new TextEncoder().encode(JSON.stringify(request)),
      }),
    );
    if (StatusCode !== 202 || FunctionError) {
      throw new Error(`mailer invoke answered ${String(StatusCode)} ${FunctionError ?? ''}`.trim());
    }
  }
}
