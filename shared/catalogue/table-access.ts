/**
 * Which rows of the one table a function may touch, by partition-key pattern (IAM `StringLike`
 * syntax: `ITEM#*`, `UNITS`). Declared beside each function in functions.ts; the CDK app turns it
 * into `dynamodb:LeadingKeys` conditions, the local runtime refuses requests outside it, and the
 * tests read both. Pure TypeScript: no SDK here.
 */
import { table } from './table';

export type IndexName = 'gsi1' | 'gsi2' | 'gsi3';
export type KeyPattern = string;

export interface TableAccess {
  /** Partitions read (GetItem, BatchGetItem, Query on the table, transaction condition checks). */
  read?: readonly KeyPattern[];
  /** Partitions written (PutItem, UpdateItem); a written row may also be read. */
  write?: readonly KeyPattern[];
  /** Partitions whose existing rows are only updated (UpdateItem, no PutItem: nothing created). */
  update?: readonly KeyPattern[];
  /** Partitions whose rows are deleted (DeleteItem); kept apart because nearly nothing deletes. */
  delete?: readonly KeyPattern[];
  /** Partitions read several rows at a time (BatchGetItem; near-duplicate candidates' signatures). */
  batchGet?: readonly KeyPattern[];
  /** Partitions written several rows at a time (BatchWriteItem puts; the near-duplicate bucket rows). */
  batchWrite?: readonly KeyPattern[];
  /** Index partitions queried, per index (Query with IndexName). */
  query?: Readonly<Partial<Record<IndexName, readonly KeyPattern[]>>>;
}

/**
 * The IAM actions behind each kind of access. Transactions are authorised item by item (Put,
 * Update, Delete, ConditionCheckItem, Get); Batch* only where a function declares `batchGet` /
 * `batchWrite`, on those partitions alone; Scan never.
 */
export const tableActions = {
  read: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'],
  write: ['dynamodb:PutItem', 'dynamodb:UpdateItem'],
  update: ['dynamodb:UpdateItem'],
  delete: ['dynamodb:DeleteItem'],
  batchGet: ['dynamodb:BatchGetItem'],
  batchWrite: ['dynamodb:BatchWriteItem'],
  query: ['dynamodb:Query'],
} as const;

export type TableAction =
  | 'GetItem'
  | 'Query'
  | 'ConditionCheckItem'
  | 'PutItem'
  | 'UpdateItem'
  | 'DeleteItem'
  | 'BatchGetItem'
  | 'BatchWriteItem';

/** One authorisation a DynamoDB request needs: an action on a partition of the table or of an index. */
export interface TableRequest {
  action: TableAction;
  index?: string;
  partition: string;
}

/** Each pattern compiled once: the local runtime checks every table request (42 Queries a submission). */
const compiledPatterns = new Map<KeyPattern, RegExp>();

/** `StringLike` matching: `*` any run of characters, `?` one character. */
export function matchesPattern(value: string, pattern: KeyPattern): boolean {
  let compiled = compiledPatterns.get(pattern);
  if (!compiled) {
    const source = pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.');
    compiled = new RegExp(`^${source}$`, 's');
    compiledPatterns.set(pattern, compiled);
  }
  return compiled.test(value);
}

const matchesAny = (value: string, patterns: readonly KeyPattern[] | undefined) =>
  (patterns ?? []).some((pattern) => matchesPattern(value, pattern));

/** Whether `access` admits `request`, the way the CDK app's policy statements do. */
export function allows(access: TableAccess | undefined, request: TableRequest): boolean {
  if (!access) return false;
  const { action, index, partition } = request;
  if (index !== undefined) {
    return action === 'Query' && matchesAny(partition, access.query?.[index as IndexName]);
  }
  // The same statements the CDK app writes (tablePatterns), so the two runtimes cannot differ.
  const { read, write, update } = tablePatterns(access);
  switch (action) {
    case 'GetItem':
    case 'Query':
    case 'ConditionCheckItem':
      return matchesAny(partition, read);
    case 'PutItem':
      return matchesAny(partition, write);
    case 'UpdateItem':
      return matchesAny(partition, write) || matchesAny(partition, update);
    case 'DeleteItem':
      return matchesAny(partition, access.delete);
    case 'BatchGetItem':
      return matchesAny(partition, access.batchGet);
    case 'BatchWriteItem':
      return matchesAny(partition, access.batchWrite);
  }
}

/** The partitions of each table statement: reads include every row written or updated. */
export function tablePatterns(access: TableAccess): {
  read: KeyPattern[];
  write: KeyPattern[];
  update: KeyPattern[];
} {
  const write = [...new Set(access.write ?? [])];
  const update = [...new Set(access.update ?? [])].filter((pattern) => !write.includes(pattern));
  return { read: [...new Set([...(access.read ?? []), ...write, ...update])], write, update };
}

// --- From a request body to the authorisations it needs -------------------------------------

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null;

/** A key attribute's string, from a marshalled (`{ S: '…' }`) or a plain value. */
function stringOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (isRecord(value) && typeof value.S === 'string') return value.S;
  return undefined;
}

function partitionOf(key: unknown): string {
  const value = isRecord(key) ? stringOf(key[table.partitionKey]) : undefined;
  return value ?? '';
}

/** The partition value of a Query: the `name = :value` term on the table's or the index's partition key. */
function queryPartition(input: Json): string {
  const index = table.indexes.find((candidate) => candidate.name === input.IndexName);
  const keyName = index ? index.partitionKey : table.partitionKey;
  const names = isRecord(input.ExpressionAttributeNames) ? input.ExpressionAttributeNames : {};
  const values = isRecord(input.ExpressionAttributeValues) ? input.ExpressionAttributeValues : {};
  const expression = typeof input.KeyConditionExpression === 'string' ? input.KeyConditionExpression : '';
  for (const term of expression.matchAll(/(#?[A-Za-z0-9_]+)\s*=\s*(:[A-Za-z0-9_]+)/g)) {
    const [, rawName = '', placeholder = ''] = term;
    const name = rawName.startsWith('#') ? names[rawName] : rawName;
    if (name === keyName) return stringOf(values[placeholder]) ?? '';
  }
  return '';
}

/**
 * The authorisations a request needs, from its operation name (`GetItem`, `TransactWriteItems`,
 * `BatchGetItem` …) and its input: one per row a transaction or a batch touches. Other operations
 * (Scan, table management) are granted to no function: they yield a request no access admits.
 */
export function tableRequests(operation: string, input: Json): TableRequest[] {
  switch (operation) {
    case 'GetItem':
    case 'PutItem':
    case 'UpdateItem':
    case 'DeleteItem': {
      const key = operation === 'PutItem' ? input.Item : input.Key;
      return [{ action: operation, partition: partitionOf(key) }];
    }
    case 'Query':
      return [
        {
          action: 'Query',
          ...(typeof input.IndexName === 'string' ? { index: input.IndexName } : {}),
          partition: queryPartition(input),
        },
      ];
    case 'TransactGetItems':
      return (Array.isArray(input.TransactItems) ? input.TransactItems : []).map((entry: unknown) => ({
        action: 'GetItem' as const,
        partition: partitionOf(isRecord(entry) && isRecord(entry.Get) ? entry.Get.Key : {}),
      }));
    case 'TransactWriteItems':
      return (Array.isArray(input.TransactItems) ? input.TransactItems : []).map(transactRequest);
    case 'BatchGetItem':
      return batchRequests(input, (entry) =>
        (isRecord(entry) && Array.isArray(entry.Keys) ? entry.Keys : []).map((key: unknown) => ({
          action: 'BatchGetItem' as const,
          partition: partitionOf(key),
        })),
      );
    case 'BatchWriteItem':
      return batchRequests(input, (entry) => (Array.isArray(entry) ? entry : []).map(batchWriteRequest));
    default:
      return [{ action: 'Query', index: `(${operation})`, partition: '' }];
  }
}

function transactRequest(entry: unknown): TableRequest {
  const item = isRecord(entry) ? entry : {};
  if (isRecord(item.Put)) return { action: 'PutItem', partition: partitionOf(item.Put.Item) };
  if (isRecord(item.Update)) return { action: 'UpdateItem', partition: partitionOf(item.Update.Key) };
  if (isRecord(item.Delete)) return { action: 'DeleteItem', partition: partitionOf(item.Delete.Key) };
  const check = isRecord(item.ConditionCheck) ? item.ConditionCheck : {};
  return { action: 'ConditionCheckItem', partition: partitionOf(check.Key) };
}

/** One request per row of a batch, over every table it names (a function has one table). */
function batchRequests(input: Json, perTable: (entry: unknown) => TableRequest[]): TableRequest[] {
  const tables = isRecord(input.RequestItems) ? Object.values(input.RequestItems) : [];
  return tables.flatMap(perTable);
}

/** A BatchWriteItem entry: a put of a whole row or a delete by key; both need BatchWriteItem. */
function batchWriteRequest(entry: unknown): TableRequest {
  const item = isRecord(entry) ? entry : {};
  const put = isRecord(item.PutRequest) ? item.PutRequest.Item : undefined;
  const key = put ?? (isRecord(item.DeleteRequest) ? item.DeleteRequest.Key : {});
  return { action: 'BatchWriteItem', partition: partitionOf(key) };
}
