import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';

/**
 * The Lambda client for asynchronous invokes made while a caller waits (a submission, a
 * publication): fail fast, a scheduled sweep is every such invoke's safety net. The endpoint
 * comes from the SDK's own AWS_ENDPOINT_URL_LAMBDA (the local Invoke API, infra/local/lambda).
 */
export function asyncInvokeClient(): LambdaClient {
  return new LambdaClient({
    maxAttempts: 2,
    requestHandler: { connectionTimeout: 1000, requestTimeout: 3000 },
  });
}

/**
 * An asynchronous (`Event`) invoke: Lambda queues the event, answers 202 at once and retries a
 * failed run twice. Anything but 202 is an error for the caller to log.
 */
export async function invokeAsync(
  client: LambdaClient,
  functionName: string,
  payload: unknown,
): Promise<void> {
  const { StatusCode, FunctionError } = await client.send(
    new InvokeCommand({
      FunctionName: functionName,
      InvocationType: 'Event',
      Payload: new TextEncoder().encode(JSON.stringify(payload)),
    }),
  );
  if (StatusCode !== 202 || FunctionError) {
    throw new Error(`${functionName} invoke answered ${String(StatusCode)} ${FunctionError ?? ''}`.trim());
  }
}
