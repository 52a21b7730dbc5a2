import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { ServiceUnavailableError } from '../../errors';

export function isConditionFailure(error: unknown): boolean {
  return (
    error instanceof ConditionalCheckFailedException ||
    (error instanceof Error && error.name === 'ConditionalCheckFailedException')
  );
}

const throttles = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'TransactionConflictException',
]);

/** The SDK already retried; a throttle that survives its retries is the caller's to retry later. */
export function rethrowStoreError(error: unknown): never {
  if (error instanceof Error && throttles.has(error.name)) {
    throw new ServiceUnavailableError('STORE_BUSY', '系统繁忙，请稍后重试');
  }
  throw error;
}
