import { DynamoError, dynamoError } from './errors';
import type { Item } from './types';
import { errorName, type UpstreamResult } from './upstream';

/** One entry of CancellationReasons, in the order of the request's actions. */
export interface CancellationReason {
  Code: string;
  Message?: string;
  Item?: Item;
}

const NONE: CancellationReason = { Code: 'None' };
const CONDITION_FAILED = 'The conditional request failed';

export function conditionFailed(returnOld: boolean, existing: Item | undefined): CancellationReason {
  const reason: CancellationReason = { Code: 'ConditionalCheckFailed', Message: CONDITION_FAILED };
  if (returnOld && existing) reason.Item = existing;
  return reason;
}

/** Reason for an action that dynalite refused while applying it (errors that depend on stored data). */
export function applyFailed(
  result: UpstreamResult,
  returnOld: boolean,
  existing: Item | undefined,
): CancellationReason {
  const type = typeof result.body.__type === 'string' ? errorName(result.body.__type) : 'InternalServerError';
  if (type === 'ConditionalCheckFailedException') return conditionFailed(returnOld, existing);
  const raw = result.body.message ?? result.body.Message;
  const message = typeof raw === 'string' ? raw : type;
  if (type === 'ValidationException') return { Code: 'ValidationError', Message: message };
  throw new DynamoError(result.statusCode, String(result.body.__type), message);
}

/** TransactionCanceledException with one reason per action; `failures` maps positions to reasons. */
export function transactionCanceled(count: number, failures: Map<number, CancellationReason>): DynamoError {
  const reasons = Array.from({ length: count }, (_, index) => failures.get(index) ?? NONE);
  const codes = reasons.map((reason) => reason.Code).join(', ');
  return dynamoError(
    'TransactionCanceledException',
    `Transaction cancelled, please refer cancellation reasons for specific reasons [${codes}]`,
    400,
  ).with({ CancellationReasons: reasons });
}
