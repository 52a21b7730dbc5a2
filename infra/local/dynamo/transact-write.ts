import { applyFailed, type CancellationReason, conditionFailed, transactionCanceled } from './cancellation';
import { consumedCapacity } from './capacity';
import type { FrontContext } from './context';
import { afterTransactionWrite } from './crash-hook';
import { conditionHolds } from './dynalite-rules';
import { internalError } from './errors';
import { type BeforeImage, type JournalEntry, restoreImages } from './journal';
import { fingerprint } from './tokens';
import { parseWriteActions, type WriteAction } from './transact-request';
import { asItem, type Item, type Json } from './types';
import type { Upstream } from './upstream';

const OPERATION = { Put: 'PutItem', Update: 'UpdateItem', Delete: 'DeleteItem' } as const;

/** TransactWriteItems: all actions or none, invisible to others until done. */
export async function transactWrite(ctx: FrontContext, request: Json): Promise<Json> {
  const actions = await parseWriteActions(request, ctx.tables);
  const token = typeof request.ClientRequestToken === 'string' ? request.ClientRequestToken : undefined;
  const print = token === undefined ? '' : fingerprint(request);

  return ctx.lock.exclusive(async () => {
    await ctx.journal.settle(ctx.upstream);
    if (token !== undefined) {
      const earlier = ctx.tokens.replay(token, print);
      if (earlier) return earlier;
    }

    const before = await Promise.all(actions.map((action) => readItem(ctx.upstream, action)));
    // Every condition is judged on the state before the transaction, as DynamoDB does.
    const failures = new Map<number, CancellationReason>();
    actions.forEach((action, index) => {
      const existing = before[index];
      if (!conditionHolds(action.parsed, existing)) {
        failures.set(index, conditionFailed(action.returnOldOnFailure, existing));
      }
    });
    if (failures.size > 0) throw transactionCanceled(actions.length, failures);

    await applyAll(ctx, actions, before);

    const capacity = consumedCapacity(request.ReturnConsumedCapacity, actions, 'Write');
    const response: Json = capacity ? { ConsumedCapacity: capacity } : {};
    if (token !== undefined) ctx.tokens.remember(token, print, {});
    return response;
  });
}

async function readItem(upstream: Upstream, action: WriteAction): Promise<Item | undefined> {
  const answer = await upstream.callOk('GetItem', {
    TableName: action.tableName,
    Key: action.key,
    ConsistentRead: true,
  });
  return asItem(answer.Item);
}

/**
 * Applies the writes one by one through dynalite's item calls, conditions kept, so dynalite
 * evaluates every expression itself. Errors that depend on stored data (ADD to a string, an item
 * growing past 400 KB) only show here: then every write is undone from its before-image.
 */
async function applyAll(
  ctx: FrontContext,
  actions: WriteAction[],
  before: (Item | undefined)[],
): Promise<void> {
  const writes: { action: WriteAction; operation: string; index: number; image: BeforeImage }[] = [];
  actions.forEach((action, index) => {
    if (action.kind === 'ConditionCheck') return;
    const existing = before[index];
    const image: BeforeImage = { tableName: action.tableName, key: action.key };
    if (existing) image.before = existing;
    writes.push({ action, operation: OPERATION[action.kind], index, image });
  });
  if (writes.length === 0) return;

  const entry = await ctx.journal.begin(writes.map((write) => write.image));
  const failures = new Map<number, CancellationReason>();
  try {
    // One by one, in request order: a crash then leaves a prefix applied, which the journal undoes.
    for (const { action, operation, index } of writes) {
      const result = await ctx.upstream.call(operation, action.params);
      if (result.statusCode !== 200) {
        failures.set(index, applyFailed(result, action.returnOldOnFailure, before[index]));
        break;
      }
      afterTransactionWrite();
    }
  } catch (error) {
    await rollBack(ctx, entry);
    throw error;
  }
  if (failures.size > 0) {
    await rollBack(ctx, entry);
    throw transactionCanceled(actions.length, failures);
  }
  await ctx.journal.end(entry);
}

async function rollBack(ctx: FrontContext, entry: JournalEntry): Promise<void> {
  try {
    await restoreImages(ctx.upstream, entry.images);
  } catch (error) {
    // Keep the entry: the next transaction (or the next start) undoes it before anything else.
    ctx.journal.keep(entry);
    throw internalError(
      `transaction rollback failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  await ctx.journal.end(entry);
}
