import type { Journal } from './journal';
import type { KeySchemaCache } from './key-schema';
import type { RwLock } from './rw-lock';
import type { IdempotencyTokens } from './tokens';
import type { Upstream } from './upstream';

/** Everything the front's handlers share; one per running local DynamoDB. */
export interface FrontContext {
  upstream: Upstream;
  lock: RwLock;
  tables: KeySchemaCache;
  journal: Journal;
  tokens: IdempotencyTokens;
}
