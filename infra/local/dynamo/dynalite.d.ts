// dynalite 4.0.0 ships no types. Only what the local DynamoDB front uses is declared; the internal
// modules (validations, db) are pinned to that exact version in package.json.

declare module 'dynalite' {
  import type { Server } from 'node:http';

  export interface DynaliteOptions {
    path?: string;
    createTableMs?: number;
    deleteTableMs?: number;
    updateTableMs?: number;
    maxItemSizeKb?: number;
    verbose?: boolean;
    debug?: boolean;
  }

  function dynalite(options?: DynaliteOptions): Server;
  export default dynalite;
}

declare module 'dynalite/validations/index.js' {
  export interface ValidationTypes {
    readonly [name: string]: unknown;
  }
  export function checkTypes(data: Record<string, unknown>, types: ValidationTypes): Record<string, unknown>;
  export function checkValidations(
    data: Record<string, unknown>,
    types: ValidationTypes,
    custom: ((data: Record<string, unknown>, store: unknown) => string | undefined) | undefined,
    store: unknown,
  ): void;
}

declare module 'dynalite/db/index.js' {
  export interface TableShape {
    KeySchema: ReadonlyArray<{ AttributeName: string; KeyType: string }>;
    AttributeDefinitions: ReadonlyArray<{ AttributeName: string; AttributeType: string }>;
  }
  /** Returns a ValidationException-shaped error, or undefined/null when valid. */
  export function validateKey(key: Record<string, unknown>, table: TableShape): Error | null | undefined;
  export function validateItem(item: Record<string, unknown>, table: TableShape): Error | null | undefined;
  /** Canonical storage key: equal for equal DynamoDB keys (numbers compared by value). */
  export function createKey(item: Record<string, unknown>, table: TableShape): string;
  export function checkConditional(
    data: Record<string, unknown>,
    existingItem: unknown,
  ): Error | null | undefined;
  export function itemSize(item: Record<string, unknown>): number;
}

declare module 'dynalite/validations/putItem.js' {
  export const types: import('dynalite/validations/index.js').ValidationTypes;
  export const custom: (data: Record<string, unknown>, store: unknown) => string | undefined;
}
declare module 'dynalite/validations/updateItem.js' {
  export const types: import('dynalite/validations/index.js').ValidationTypes;
  export const custom: (data: Record<string, unknown>, store: unknown) => string | undefined;
}
declare module 'dynalite/validations/deleteItem.js' {
  export const types: import('dynalite/validations/index.js').ValidationTypes;
  export const custom: (data: Record<string, unknown>, store: unknown) => string | undefined;
}
declare module 'dynalite/validations/getItem.js' {
  export const types: import('dynalite/validations/index.js').ValidationTypes;
  export const custom: (data: Record<string, unknown>, store: unknown) => string | undefined;
}
