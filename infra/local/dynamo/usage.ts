import { itemSize } from 'dynalite/db/index.js';
import { table } from '../../../shared/catalogue/table';
import { countDynamo } from '../usage';
import { asItem, type Item, isRecord, type Json } from './types';

/**
 * The read and write units DynamoDB on demand would bill for one request, estimated from the
 * request and dynalite's answer (wire JSON): reads 4 KB per unit, halved when eventually
 * consistent, a Query or Scan summed over the items it returned; writes 1 KB per unit, once more
 * for each GSI the written item appears in; transactions twice. An update's size is the larger of
 * its key plus new values and the item it returns, when it returns one. Conditional writes that
 * fail still cost a unit, as in DynamoDB.
 */
export function meterDynamo(
  operation: string,
  request: Json,
  statusCode: number,
  answer: Json | undefined,
): void {
  if (statusCode !== 200) {
    const type = typeof answer?.__type === 'string' ? answer.__type : '';
    if (type.endsWith('ConditionalCheckFailedException')) countDynamo(operation, 0, 1);
    else if (type.endsWith('TransactionCanceledException'))
      countDynamo(operation, 0, 2 * transactCount(request));
    return;
  }
  const body = answer ?? {};
  const consistent = request.ConsistentRead === true;
  switch (operation) {
    case 'GetItem':
      countDynamo(operation, readUnits(sizeOf(body.Item), consistent), 0);
      return;
    case 'Query':
    case 'Scan': {
      const items = Array.isArray(body.Items) ? body.Items : [];
      countDynamo(operation, readUnits(sum(items.map(sizeOf)), consistent), 0);
      return;
    }
    case 'BatchGetItem': {
      let units = 0;
      for (const list of Object.values(isRecord(body.Responses) ? body.Responses : {})) {
        if (Array.isArray(list)) for (const item of list) units += readUnits(sizeOf(item), false);
      }
      countDynamo(operation, units, 0);
      return;
    }
    case 'PutItem':
      countDynamo(operation, 0, putUnits(asItem(request.Item)));
      return;
    case 'UpdateItem':
      countDynamo(operation, 0, updateUnits(request, asItem(body.Attributes)));
      return;
    case 'DeleteItem':
      countDynamo(operation, 0, writeUnits(sizeOf(body.Attributes)));
      return;
    case 'BatchWriteItem': {
      let units = 0;
      for (const list of Object.values(isRecord(request.RequestItems) ? request.RequestItems : {})) {
        if (!Array.isArray(list)) continue;
        for (const entry of list) {
          const put =
            isRecord(entry) && isRecord(entry.PutRequest) ? asItem(entry.PutRequest.Item) : undefined;
          units += put ? putUnits(put) : 1;
        }
      }
      countDynamo(operation, 0, units);
      return;
    }
    case 'TransactWriteItems':
      countDynamo(operation, 0, 2 * transactWriteUnits(request));
      return;
    case 'TransactGetItems': {
      const responses = Array.isArray(body.Responses) ? body.Responses : [];
      const units = sum(
        responses.map((entry) => readUnits(sizeOf(isRecord(entry) ? entry.Item : undefined), true)),
      );
      countDynamo(operation, 2 * units, 0);
      return;
    }
    default:
      countDynamo(operation, 0, 0);
  }
}

const gsiKeys = table.indexes.map((index) => index.partitionKey);

function sizeOf(value: unknown): number {
  const item = asItem(value);
  return item ? itemSize(item) : 0;
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

function readUnits(bytes: number, consistent: boolean): number {
  const units = Math.max(1, Math.ceil(bytes / 4096));
  return consistent ? units : units / 2;
}

const writeUnits = (bytes: number) => Math.max(1, Math.ceil(bytes / 1024));

function putUnits(item: Item | undefined): number {
  if (!item) return 1;
  const units = writeUnits(itemSize(item));
  return units * (1 + gsiKeys.filter((key) => key in item).length);
}

function updateUnits(request: Json, returned: Item | undefined): number {
  const values = isRecord(request.ExpressionAttributeValues) ? request.ExpressionAttributeValues : {};
  const key = asItem(request.Key) ?? {};
  const estimate = itemSize({ ...key, ...(values as Item) });
  const units = writeUnits(Math.max(estimate, returned ? itemSize(returned) : 0));
  const names = isRecord(request.ExpressionAttributeNames)
    ? Object.values(request.ExpressionAttributeNames)
    : [];
  const expression = String(request.UpdateExpression ?? '');
  const indexes = gsiKeys.filter(
    (gsiKey) =>
      expression.includes(gsiKey) || names.includes(gsiKey) || (returned !== undefined && gsiKey in returned),
  ).length;
  return units * (1 + indexes);
}

function transactItems(request: Json): Json[] {
  return Array.isArray(request.TransactItems) ? request.TransactItems.filter(isRecord) : [];
}

const transactCount = (request: Json) => Math.max(1, transactItems(request).length);

function transactWriteUnits(request: Json): number {
  let units = 0;
  for (const entry of transactItems(request)) {
    if (isRecord(entry.Put)) units += putUnits(asItem(entry.Put.Item));
    else if (isRecord(entry.Update)) units += updateUnits(entry.Update, undefined);
    else units += 1;
  }
  return units;
}
