import { randomUUID } from 'node:crypto';
import { mkdir, open, readdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { asItem, type Item, isRecord } from './types';
import type { Upstream } from './upstream';

/** What an item looked like before a transaction wrote it (`before` absent = no item). */
export interface BeforeImage {
  tableName: string;
  key: Item;
  before?: Item;
}

/** One transaction's journal entry; `file` is absent when nothing is written to disk. */
export interface JournalEntry {
  file?: string;
  images: BeforeImage[];
}

/**
 * Write-ahead journal of before-images. A transaction's images are fsynced before its first write
 * and removed after its last write (or its rollback). An entry found on start therefore belongs to a
 * transaction cut short by a crash, and restoring its images undoes it. Without a directory
 * (in-memory dynalite) nothing survives a crash anyway, so nothing is written.
 *
 * Scope: process crashes (kill -9). dynalite does not fsync LevelDB, so power loss is not covered.
 */
export class Journal {
  /** Entries whose rollback failed while running: retried before the next transaction. */
  private readonly leftovers: JournalEntry[] = [];

  private constructor(private readonly dir: string | undefined) {}

  /** A journal in `dir` (created if missing), or an in-memory one without a directory. */
  static async open(dir: string | undefined): Promise<Journal> {
    if (dir) await mkdir(dir, { recursive: true });
    return new Journal(dir);
  }

  async begin(images: BeforeImage[]): Promise<JournalEntry> {
    if (!this.dir) return { images };
    const file = join(this.dir, `${Date.now().toString().padStart(15, '0')}-${randomUUID()}.json`);
    const handle = await open(file, 'wx');
    try {
      await handle.writeFile(JSON.stringify(images));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await syncDirectory(this.dir);
    return { file, images };
  }

  async end(entry: JournalEntry): Promise<void> {
    if (entry.file) await unlink(entry.file);
  }

  /** Keeps an entry whose rollback failed, so it is undone before anything else is written. */
  keep(entry: JournalEntry): void {
    this.leftovers.push(entry);
  }

  /** Undoes leftover entries (oldest last); called inside the exclusive lock. */
  async settle(upstream: Upstream): Promise<void> {
    while (this.leftovers.length > 0) {
      const entry = this.leftovers[this.leftovers.length - 1];
      if (!entry) return;
      await restoreImages(upstream, entry.images);
      await this.end(entry);
      this.leftovers.pop();
    }
  }

  /** On start, before serving: undoes every transaction a crash cut short. Returns how many. */
  async recover(upstream: Upstream): Promise<number> {
    if (!this.dir) return 0;
    const entries = (await readdir(this.dir)).filter((name) => name.endsWith('.json')).sort();
    for (const name of entries.reverse()) await undoEntry(upstream, join(this.dir, name));
    if (entries.length > 0) await syncDirectory(this.dir);
    return entries.length;
  }
}

/** Puts every item back as it was before the transaction (idempotent, so safe to repeat). */
export async function restoreImages(upstream: Upstream, images: BeforeImage[]): Promise<void> {
  await Promise.all(
    images.map(({ tableName, key, before }) =>
      before
        ? upstream.callOk('PutItem', { TableName: tableName, Item: before })
        : upstream.callOk('DeleteItem', { TableName: tableName, Key: key }),
    ),
  );
}

async function undoEntry(upstream: Upstream, file: string): Promise<void> {
  const images = parseImages(await readFile(file, 'utf8'));
  // An unreadable entry was cut short while being written: no write of its transaction had started.
  if (images) await restoreImages(upstream, images);
  await unlink(file);
}

function parseImages(text: string): BeforeImage[] | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed)) return undefined;
  const images: BeforeImage[] = [];
  for (const entry of parsed) {
    const key = isRecord(entry) ? asItem(entry.key) : undefined;
    if (!isRecord(entry) || typeof entry.tableName !== 'string' || !key) return undefined;
    const before = asItem(entry.before);
    images.push(before ? { tableName: entry.tableName, key, before } : { tableName: entry.tableName, key });
  }
  return images;
}

async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
