// dynalite's own validators and condition evaluator, reused so that transactions judge requests
// exactly like the single-item calls they are applied with. These are dynalite internals:
// the dependency is pinned to 4.0.0 for that reason.
import * as db from 'dynalite/db/index.js';
import * as deleteItem from 'dynalite/validations/deleteItem.js';
import * as getItem from 'dynalite/validations/getItem.js';
import { checkTypes, checkValidations } from 'dynalite/validations/index.js';
import * as putItem from 'dynalite/validations/putItem.js';
import * as updateItem from 'dynalite/validations/updateItem.js';
import { DynamoError, validationError } from './errors';
import type { TableKeys } from './key-schema';
import { type Item, isRecord, type Json } from './types';

/** Same limit dynalite applies to single items (400 KB). */
export const MAX_ITEM_BYTES = 400 * 1024;

const RULES = {
  Put: putItem,
  Update: updateItem,
  Delete: deleteItem,
  ConditionCheck: deleteItem,
  Get: getItem,
};
export type RuleName = keyof typeof RULES;

// putItem's validator reads the item-size limit from dynalite's store options.
const STORE = { options: { maxItemSize: MAX_ITEM_BYTES } };

/**
 * Validates one action's parameters as dynalite validates the matching single-item call and returns
 * dynalite's parsed form (with `_condition` etc.). Works on a deep copy: dynalite mutates its input.
 */
export function parseAction(rule: RuleName, params: Json): Json {
  const { types, custom } = RULES[rule];
  try {
    const data = checkTypes(structuredClone(params), types);
    checkValidations(data, types, custom, STORE);
    return data;
  } catch (error) {
    throw fromDynaliteError(error);
  }
}

export function validateKey(key: Item, table: TableKeys): void {
  const invalid = db.validateKey(key, table);
  if (invalid) throw fromDynaliteError(invalid);
}

export function validateItem(item: Item, table: TableKeys): void {
  const invalid = db.validateItem(item, table);
  if (invalid) throw fromDynaliteError(invalid);
}

/** Identity of an item: equal for keys DynamoDB considers equal (numbers by value, `1` = `1.0`). */
export function itemIdentity(key: Item, table: TableKeys): string {
  return `${table.TableName}\u0000${db.createKey(key, table)}`;
}

/** True when the parsed action's condition (if any) holds for the stored item (absent = undefined). */
export function conditionHolds(parsed: Json, existing: Item | undefined): boolean {
  return !db.checkConditional(parsed, existing);
}

export function itemSize(item: Item): number {
  return db.itemSize(item);
}

function fromDynaliteError(error: unknown): DynamoError {
  if (error instanceof Error && 'body' in error && isRecord(error.body) && 'statusCode' in error) {
    const { __type, message, Message } = error.body;
    const text =
      typeof message === 'string' ? message : typeof Message === 'string' ? Message : error.message;
    const status = typeof error.statusCode === 'number' ? error.statusCode : 400;
    return new DynamoError(status, typeof __type === 'string' ? __type : 'ValidationException', text);
  }
  if (error instanceof Error) return validationError(error.message);
  return validationError(String(error));
}
