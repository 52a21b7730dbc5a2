import { consumedCapacity } from './capacity';
import type { FrontContext } from './context';
import { parseGetActions } from './transact-request';
import type { Json } from './types';

/** TransactGetItems: a consistent snapshot of up to 100 items; a missing item answers `{}`. */
export async function transactGet(ctx: FrontContext, request: Json): Promise<Json> {
  const gets = await parseGetActions(request, ctx.tables);
  // Exclusive, so no plain write lands between two of the reads (serializable, as in DynamoDB).
  const items = await ctx.lock.exclusive(() =>
    Promise.all(gets.map((get) => ctx.upstream.callOk('GetItem', { ...get.params, ConsistentRead: true }))),
  );
  const response: Json = { Responses: items.map((answer) => (answer.Item ? { Item: answer.Item } : {})) };
  const capacity = consumedCapacity(request.ReturnConsumedCapacity, gets, 'Read');
  if (capacity) response.ConsumedCapacity = capacity;
  return response;
}
