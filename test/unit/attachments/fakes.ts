import { createHash } from 'node:crypto';
import type { AttachmentsDeps } from '#functions/attachments/deps';
import { ConflictError } from '#shared/errors';
import type { Attachment } from '#shared/schemas/attachments';
import type { HistoryEvent, Item } from '#shared/schemas/items';
import type { AttachmentStore, ItemReader } from '#shared/store/ports';
import { attachmentReplaced } from '#shared/store/s3/attachment-keys';
import type { AttachmentObjects, ObjectHead, PresignedPut } from '#shared/store/s3/attachment-objects';

export class MemoryItems implements ItemReader {
  readonly items = new Map<string, Item>();
  async get(itemId: string) {
    return this.items.get(itemId);
  }
}

export class MemoryAttachments implements AttachmentStore {
  readonly records = new Map<string, Attachment>();
  readonly events: HistoryEvent[] = [];
  private key = (itemId: string, attachmentId: string) => `${itemId}/${attachmentId}`;
  async get(itemId: string, attachmentId: string) {
    const found = this.records.get(this.key(itemId, attachmentId));
    return found ? { ...found } : undefined;
  }
  async create(attachment: Attachment, event: HistoryEvent) {
    const key = this.key(attachment.itemId, attachment.attachmentId);
    if (this.records.has(key)) throw new ConflictError('ATTACHMENT_EXISTS', '冲突');
    this.records.set(key, { ...attachment });
    this.events.push(event);
  }
  async confirm(attachment: Attachment, event: HistoryEvent) {
    const key = this.key(attachment.itemId, attachment.attachmentId);
    if (this.records.get(key)?.status !== 'pending')
      throw new ConflictError('ATTACHMENT_NOT_PENDING', '冲突');
    this.records.set(key, { ...attachment });
    this.events.push(event);
  }
  async list(itemId: string) {
    return [...this.records.values()].filter((record) => record.itemId === itemId);
  }
}

export class MemoryObjects implements AttachmentObjects {
  readonly objects = new Map<string, { body: Uint8Array; contentType?: string }>();
  readonly copies: [string, string][] = [];
  /** Runs between the type check and the copy: a test replaces the upload there. */
  beforeCopy: () => void = () => {};
  readonly deleted: string[] = [];
  readonly ranges: [string, number, number][] = [];
  readonly presignedGets: {
    key: string;
    contentType: string;
    contentDisposition: string;
    expiresIn: number;
  }[] = [];
  async presignPut(input: {
    key: string;
    contentType: string;
    size: number;
    expiresIn: number;
  }): Promise<PresignedPut> {
    return {
      url: `https://bucket.example/${encodeURI(input.key)}?put`,
      headers: { 'Content-Type': input.contentType, 'Content-Length': String(input.size) },
    };
  }
  async presignGet(input: {
    key: string;
    contentType: string;
    contentDisposition: string;
    expiresIn: number;
  }) {
    this.presignedGets.push(input);
    return `https://bucket.example/${encodeURI(input.key)}?get`;
  }
  async head(key: string): Promise<ObjectHead | undefined> {
    const object = this.objects.get(key);
    return object
      ? { size: object.body.length, contentType: object.contentType, etag: etagOf(object.body) }
      : undefined;
  }
  async readRange(key: string, start: number, endInclusive: number, etag?: string) {
    this.ranges.push([key, start, endInclusive]);
    const object = this.objects.get(key);
    if (etag && object && etagOf(object.body) !== etag) throw attachmentReplaced();
    return object?.body.slice(start, endInclusive + 1) ?? new Uint8Array(0);
  }
  async copy(from: string, to: string, etag: string | undefined) {
    this.beforeCopy();
    const object = this.objects.get(from);
    if (!object || (etag && etagOf(object.body) !== etag)) return false;
    this.copies.push([from, to]);
    this.objects.set(to, { ...object, body: object.body.slice() });
    return true;
  }
  async delete(key: string) {
    this.deleted.push(key);
    this.objects.delete(key);
  }
}

/** S3's ETag of a simple upload: the MD5 of its bytes, quoted. */
function etagOf(body: Uint8Array): string {
  return `"${createHash('md5').update(body).digest('hex')}"`;
}

export const ownUnit = 'qingzhou';
export const foreignUnit = 'shouguang';
export const itemIdOf = (n: number) => `it_${String(n).padStart(24, '0')}`;

export function anItem(overrides: Partial<Item> = {}): Item {
  return {
    itemId: itemIdOf(1),
    unitId: ownUnit,
    status: 'submitted',
    title: '青州市推进政务服务改革',
    body: '青州市近日推进政务服务改革，群众办事时间平均缩短一半以上，满意度明显提升。',
    eventDate: '2026-11-20',
    urgency: 'normal',
    openness: 'public',
    approver: '王局长',
    author: { name: '李四', phone: '0536-1234567' },
    submittedAt: '2026-11-21T01:00:00.000Z',
    updatedAt: '2026-11-21T01:00:00.000Z',
    revisions: [],
    findings: [],
    duplicates: [],
    coUnits: [],
    version: 1,
    ...overrides,
  };
}

export interface World {
  deps: AttachmentsDeps;
  items: MemoryItems;
  attachments: MemoryAttachments;
  objects: MemoryObjects;
}

export function world(): World {
  const items = new MemoryItems();
  const attachments = new MemoryAttachments();
  const objects = new MemoryObjects();
  let counter = 0;
  const deps: AttachmentsDeps = {
    items,
    attachments,
    objects,
    now: () => new Date('2026-11-25T02:00:00.000Z'),
    newAttachmentId: () => `at_${String(++counter).padStart(24, '0')}`,
  };
  items.items.set(itemIdOf(1), anItem());
  items.items.set(itemIdOf(2), anItem({ itemId: itemIdOf(2), unitId: foreignUnit }));
  return { deps, items, attachments, objects };
}

export const reporter = { role: 'reporter', unitId: ownUnit, tokenId: 'reportertoken000' } as const;
export const foreignReporter = {
  role: 'reporter',
  unitId: foreignUnit,
  tokenId: 'foreigntoken0000',
} as const;
export const editor = { role: 'editor', tokenId: 'editortoken00000' } as const;
export const leader = { role: 'leader', tokenId: 'leadertoken00000' } as const;
