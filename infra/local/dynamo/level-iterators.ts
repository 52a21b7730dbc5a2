import { createRequire } from 'node:module';

/**
 * dynalite 4 reads ranges (Query, Scan, ListTables) through `db.keys()` / `db.values()` iterators
 * of abstract-level 3, but never closes them: at the end of a range it just stops reading, and when
 * a Query stops early (Limit, 1 MB) it calls `iterator.return()`, which abstract-level iterators do
 * not have. An unclosed iterator stays attached to the database and keeps its LevelDB snapshot, so
 * every Query leaks one: memory grows, and compaction may never drop the versions a snapshot still
 * sees, so the data folder grows with every rewrite. This closes each iterator of the store dynalite
 * opens once dynalite is done with it: at the end of the range, on a read error, and on `return()`.
 */

interface LevelIterator {
  next(): Promise<unknown>;
  close(): Promise<void>;
  return?: () => Promise<void>;
}

interface LevelStore {
  keys(options?: unknown): LevelIterator;
  values(options?: unknown): LevelIterator;
}

interface DynaliteDb {
  create(options: unknown): { db: LevelStore };
}

const installed = Symbol.for('xinbao.level-iterators.installed');
let open = 0;

/** Iterators opened by dynalite's stores in this process and not yet closed (test and bench probe). */
export function openLevelIterators(): number {
  return open;
}

/** Makes every store dynalite creates from now on close its iterators. Idempotent. */
export function closeDynaliteIterators(): void {
  const db = createRequire(import.meta.url)('dynalite/db/index.js') as DynaliteDb & { [installed]?: true };
  if (db[installed]) return;
  const create = db.create.bind(db);
  db.create = (options) => {
    const store = create(options);
    closeIteratorsOf(store.db);
    return store;
  };
  db[installed] = true;
}

function closeIteratorsOf(store: LevelStore): void {
  const keys = store.keys.bind(store);
  const values = store.values.bind(store);
  store.keys = (options) => closing(keys(options));
  store.values = (options) => closing(values(options));
}

function closing(iterator: LevelIterator): LevelIterator {
  open += 1;
  const next = iterator.next.bind(iterator);
  const close = iterator.close.bind(iterator);
  let closed: Promise<void> | undefined;
  const closeOnce = (): Promise<void> => {
    closed ??= close().finally(() => {
      open -= 1;
    });
    return closed;
  };
  iterator.close = closeOnce;
  iterator.return = closeOnce;
  iterator.next = async () => {
    try {
      const item = await next();
      if (item === undefined) await closeOnce();
      return item;
    } catch (error) {
      await closeOnce().catch(() => undefined);
      throw error;
    }
  };
  return iterator;
}
