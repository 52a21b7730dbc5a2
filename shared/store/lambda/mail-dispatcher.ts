import type { LambdaClient } from '@aws-sdk/client-lambda';
import { envNames, readConfig } from '../../config';
import type { MailDispatcher } from '../ports';

export const mailerFunctionEnv = envNames.mailerFunctionName;

export const readMailerFunctionName = (): string => readConfig('mailerFunctionName');

/**
 * The dispatcher for a handler module: reads MAILER_FUNCTION_NAME lazily, so a missing name fails
 * the dispatch only, and loads the Lambda client on the first dispatch, so the functions that
 * rarely mail (an urgent item, a publish) do not evaluate it on every cold start.
 */
export function mailDispatcherFromEnvironment(client?: LambdaClient): MailDispatcher {
  let dispatcher: MailDispatcher | undefined;
  return {
    async dispatch(messageIds) {
      if (messageIds.length === 0) return;
      if (!dispatcher) {
        const functionName = readMailerFunctionName();
        const { LambdaMailDispatcher } = await import('./lambda-mail-dispatcher');
        dispatcher = new LambdaMailDispatcher(functionName, client);
      }
      return dispatcher.dispatch(messageIds);
    },
  };
}
