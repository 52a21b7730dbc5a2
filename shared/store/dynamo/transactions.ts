import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { TableRef } from './client';
import { rethrowStoreError } from './errors';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/**
 * Runs one all-or-nothing write. When a condition fails, `onConditionFailed` gets the index of
 * the first failing action so the caller can say which fact stood in the way.
 */
export async function transact(
  table: TableRef,
  items: TransactItem[],
  onConditionFailed: (index: number) => never,
): Promise<void> {
  try {
    await table.client.send(new TransactWriteCommand({ TransactItems: items }));
  } catch (error) {
    if (
      error instanceof TransactionCanceledException ||
      (error instanceof Error && error.name === 'TransactionCanceledException')
    ) {
      const reasons = (error as TransactionCanceledException).CancellationReasons ?? [];
      const index = reasons.findIndex((reason) => reason.Code === 'ConditionalCheckFailed');
      if (index >= 0) onConditionFailed(index);
    }
    rethrowStoreError(error);
  }
}
