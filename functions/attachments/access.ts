import { randomBytes } from 'node:crypto';
import { isUnitBound, type Principal } from '#shared/domain/roles';
import { ConflictError, NotFoundError } from '#shared/errors';
import type { Attachment } from '#shared/schemas/attachments';
import type { Item } from '#shared/schemas/items';
import type { AttachmentsDeps } from './deps';

export { objectKey, quarantineKey } from '#shared/store/s3/attachment-keys';

/** Presigned URLs live 15 minutes. */
export const presignSeconds = 15 * 60;

/** Items that can no longer change: no new attachments. */
const closedStatuses: ReadonlySet<Item['status']> = new Set(['rejected', 'merged', 'adopted']);

export const itemNotFound = () => new NotFoundError('ITEM_NOT_FOUND', '找不到该稿件');
export const attachmentNotFound = () => new NotFoundError('ATTACHMENT_NOT_FOUND', '找不到该附件');

/**
 * The item, if the caller may see it: a reporter only their own unit's items, and a foreign
 * unit's item answers the same 404 as a missing one, so ids reveal nothing.
 */
export async function visibleItem(
  deps: AttachmentsDeps,
  principal: Principal,
  itemId: string,
): Promise<Item> {
  const item = await deps.items.get(itemId);
  if (!item) throw itemNotFound();
  if (isUnitBound(principal) && item.unitId !== principal.unitId) throw itemNotFound();
  return item;
}

export function assertOpen(item: Item): void {
  if (closedStatuses.has(item.status)) {
    throw new ConflictError('ITEM_CLOSED', `稿件已${statusWord(item.status)}，不能再添加附件`);
  }
}

function statusWord(status: Item['status']): string {
  if (status === 'rejected') return '退稿';
  if (status === 'merged') return '合并';
  return '采用';
}

export async function findAttachment(
  deps: AttachmentsDeps,
  itemId: string,
  attachmentId: string,
): Promise<Attachment> {
  const attachment = await deps.attachments.get(itemId, attachmentId);
  if (!attachment) throw attachmentNotFound();
  return attachment;
}

const base32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** `at_` + creation time (base 36, sorts by time) + 16 random characters. */
export function newAttachmentId(now = new Date()): string {
  let random = '';
  for (const byte of randomBytes(16)) random += base32[byte % 32];
  return `at_${now.getTime().toString(36).padStart(9, '0')}${random}`;
}
