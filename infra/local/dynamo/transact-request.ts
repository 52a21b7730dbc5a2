import {
  itemIdentity,
  itemSize,
  parseAction,
  type RuleName,
  validateItem,
  validateKey,
} from './dynalite-rules';
import { validationError } from './errors';
import type { KeySchemaCache, TableKeys } from './key-schema';
import { asItem, type Item, isRecord, type Json } from './types';

export const MAX_ACTIONS = 100;
/** DynamoDB's limit on the aggregate size of the items in one transaction. */
export const MAX_TRANSACTION_BYTES = 4 * 1024 * 1024;

export type WriteKind = 'Put' | 'Update' | 'Delete' | 'ConditionCheck';
const WRITE_KINDS: readonly WriteKind[] = ['ConditionCheck', 'Put', 'Delete', 'Update'];

/** One validated action of a transaction. */
export interface Action<Kind extends string = string> {
  kind: Kind;
  tableName: string;
  /** Parameters for dynalite's single-item call, as the client sent them. */
  params: Json;
  /** dynalite's parsed form of `params` (parsed condition expression etc.). */
  parsed: Json;
  key: Item;
  /** Bytes counted towards the 4 MB transaction limit. */
  size: number;
  returnOldOnFailure: boolean;
}

export type WriteAction = Action<WriteKind>;
export type GetAction = Action<'Get'>;

/** Validates TransactWriteItems before anything is locked or read (ValidationException otherwise). */
export async function parseWriteActions(request: Json, tables: KeySchemaCache): Promise<WriteAction[]> {
  const entries = transactItems(request);
  const drafts = entries.map((entry, index) => {
    const kinds = WRITE_KINDS.filter((kind) => isRecord(entry[kind]));
    const kind = kinds[0];
    const params = kind ? entry[kind] : undefined;
    if (kinds.length !== 1 || !kind || !isRecord(params)) {
      throw validationError('TransactItems can only contain one of Check, Put, Update or Delete');
    }
    requireMember(params, kind, index);
    return draft(kind, kind, params);
  });
  return resolveKeys(drafts, tables);
}

/** Validates TransactGetItems the same way. */
export async function parseGetActions(request: Json, tables: KeySchemaCache): Promise<GetAction[]> {
  const drafts = transactItems(request).map((entry) => {
    const params = entry.Get;
    if (!isRecord(params) || Object.keys(entry).length !== 1) {
      throw validationError('TransactItems can only contain Get operations');
    }
    return draft('Get' as const, 'Get', params);
  });
  return resolveKeys(drafts, tables);
}

interface Draft<Kind extends string> {
  kind: Kind;
  params: Json;
  parsed: Json;
  returnOldOnFailure: boolean;
}

function draft<Kind extends string>(kind: Kind, rule: RuleName, raw: Json): Draft<Kind> {
  const { ReturnValuesOnConditionCheckFailure: returnValues, ...params } = raw;
  if (returnValues !== undefined && returnValues !== 'ALL_OLD' && returnValues !== 'NONE') {
    throw validationError(
      `1 validation error detected: Value '${String(returnValues)}' at 'returnValuesOnConditionCheckFailure' ` +
        'failed to satisfy constraint: Member must satisfy enum value set: [ALL_OLD, NONE]',
    );
  }
  return { kind, params, parsed: parseAction(rule, params), returnOldOnFailure: returnValues === 'ALL_OLD' };
}

function transactItems(request: Json): Json[] {
  const items = request.TransactItems;
  if (!Array.isArray(items)) {
    throw validationError(
      "1 validation error detected: Value null at 'transactItems' failed to satisfy constraint: Member must not be null",
    );
  }
  if (items.length < 1 || items.length > MAX_ACTIONS) {
    const bound = items.length < 1 ? 'greater than or equal to 1' : `less than or equal to ${MAX_ACTIONS}`;
    throw validationError(
      `1 validation error detected: Value '[${items.length} items]' at 'transactItems' failed to satisfy ` +
        `constraint: Member must have length ${bound}`,
    );
  }
  return items.map((item) => {
    if (!isRecord(item)) throw validationError('TransactItems members must be objects');
    return item;
  });
}

// DynamoDB requires these in transactions although the single-item calls do not.
const REQUIRED: Partial<Record<WriteKind, [member: string, path: string]>> = {
  Update: ['UpdateExpression', 'update.updateExpression'],
  ConditionCheck: ['ConditionExpression', 'conditionCheck.conditionExpression'],
};

function requireMember(params: Json, kind: WriteKind, index: number): void {
  const required = REQUIRED[kind];
  if (!required || typeof params[required[0]] === 'string') return;
  throw validationError(
    `1 validation error detected: Value null at 'transactItems.${index + 1}.member.${required[1]}' ` +
      'failed to satisfy constraint: Member must not be null',
  );
}

async function resolveKeys<Kind extends string>(drafts: Draft<Kind>[], tables: KeySchemaCache) {
  const names = [...new Set(drafts.map((d) => String(d.parsed.TableName)))];
  const schemas = new Map<string, TableKeys>();
  await Promise.all(names.map(async (name) => schemas.set(name, await tables.get(name))));

  const seen = new Set<string>();
  let total = 0;
  const actions = drafts.map((d): Action<Kind> => {
    const tableName = String(d.parsed.TableName);
    const table = schemas.get(tableName);
    if (!table) throw validationError(`Unknown table ${tableName}`);
    const key = keyOf(d, table);
    const identity = itemIdentity(key, table);
    if (seen.has(identity)) {
      throw validationError('Transaction request cannot include multiple operations on one item');
    }
    seen.add(identity);
    const size = actionSize(d, key);
    total += size;
    return { ...d, tableName, key, size };
  });
  if (total > MAX_TRANSACTION_BYTES) {
    throw validationError(
      `Transaction request cannot exceed ${MAX_TRANSACTION_BYTES} bytes in total (was ${total} bytes)`,
    );
  }
  return actions;
}

function keyOf(d: Draft<string>, table: TableKeys): Item {
  const item = asItem(d.parsed.Item);
  if (d.kind === 'Put') {
    if (!item) throw validationError("The parameter 'Item' is required but was not present in the request");
    validateItem(item, table);
    return pickKey(item, table);
  }
  const key = asItem(d.parsed.Key);
  if (!key) throw validationError("The parameter 'Key' is required but was not present in the request");
  validateKey(key, table);
  return key;
}

function pickKey(item: Item, table: TableKeys): Item {
  const key: Item = {};
  for (const { AttributeName } of table.KeySchema) {
    const value = item[AttributeName];
    if (value) key[AttributeName] = value;
  }
  return key;
}

/** Put counts its item, the others their key plus the values they carry. */
function actionSize(d: Draft<string>, key: Item): number {
  const item = asItem(d.parsed.Item);
  if (item) return itemSize(item);
  const values = asItem(d.parsed.ExpressionAttributeValues);
  return itemSize(key) + (values ? itemSize(values) : 0);
}
