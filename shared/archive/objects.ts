/** The archive bucket as the publisher needs it; S3 in production, a Map in tests. */
export interface PutOptions {
  contentType: string;
  cacheControl: string;
}

export interface ArchiveObjects {
  put(key: string, body: string, options: PutOptions): Promise<void>;
  /** Deleting a missing key is not an error (as in S3). */
  delete(key: string): Promise<void>;
  /** Every key under the prefix. */
  list(prefix: string): Promise<string[]>;
  /** An object's body, undefined when it does not exist. */
  get(key: string): Promise<string | undefined>;
}

// Pages change on every publish, so caches hold them briefly; asset names are not hashed either.
export const objectKinds = {
  html: { contentType: 'text/html; charset=utf-8', cacheControl: 'public, max-age=300' },
  json: { contentType: 'application/json; charset=utf-8', cacheControl: 'public, max-age=300' },
  css: { contentType: 'text/css; charset=utf-8', cacheControl: 'public, max-age=3600' },
  js: { contentType: 'text/javascript; charset=utf-8', cacheControl: 'public, max-age=3600' },
} as const satisfies Record<string, PutOptions>;

/** An in-memory bucket, for tests and dry runs. */
export class MemoryArchiveObjects implements ArchiveObjects {
  readonly objects = new Map<string, { body: string } & PutOptions>();
  async put(key: string, body: string, options: PutOptions) {
    this.objects.set(key, { body, ...options });
  }
  async delete(key: string) {
    this.objects.delete(key);
  }
  async list(prefix: string) {
    return [...this.objects.keys()].filter((key) => key.startsWith(prefix)).sort();
  }
  async get(key: string) {
    return this.objects.get(key)?.body;
  }
}
