import { envNames, readConfig } from '../../config';
import type { MailDispatcher } from '../ports';
import { type AsyncInvoker, lambdaInvoker } from './async-invoke';

export const mailerFunctionEnv = envNames.mailerFunctionName;

export const readMailerFunctionName = (): string => readConfig('mailerFunctionName');

/** What the mailer accepts on an asynchronous invoke. */
export interface SendRequest {
  kind: 'send';
  messageIds: string[];
}

/**
 * Asks the mailer to send now: an asynchronous (`Event`) invoke, which Lambda queues and answers
 * with 202 at once, retrying a failed run twice. The endpoint comes from AWS_ENDPOINT_URL_LAMBDA
 * (shared/store/lambda/async-invoke.ts). A lost request is not lost mail: the scheduled sweep sends it later.
 */
export class LambdaMailDispatcher implements MailDispatcher {
  constructor(
    private readonly functionName: string,
    private readonly invoke: AsyncInvoker = lambdaInvoker(),
  ) {}

  async dispatch(messageIds: string[]): Promise<void> {
    if (messageIds.length === 0) return;
    const request: SendRequest = { kind: 'send', messageIds };
    await this.invoke(this.functionName, request);
  }
}

/** The dispatcher for a handler module: reads MAILER_FUNCTION_NAME lazily, so a missing name fails the dispatch only. */
export function mailDispatcherFromEnvironment(invoke?: AsyncInvoker): MailDispatcher {
  let dispatcher: LambdaMailDispatcher | undefined;
  return {
    async dispatch(messageIds) {
      dispatcher ??= new LambdaMailDispatcher(readMailerFunctionName(), invoke);
      return dispatcher.dispatch(messageIds);
    },
  };
}
