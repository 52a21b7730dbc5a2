import { actorOf } from '#shared/domain/actor';
import type { Principal } from '#shared/domain/roles';
import { ConflictError, type ErrorDetail, UnprocessableError } from '#shared/errors';
import { type Attachment, maxAttachmentBytes } from '#shared/schemas/attachments';
import { attachmentReplaced } from '#shared/store/s3/attachment-keys';
import { assertOpen, findAttachment, objectKey, quarantineKey, visibleItem } from '../access';
import type { AttachmentsDeps } from '../deps';
import { fileTypes, type SniffedType, sniffedLabel, sniffType, typeOfContentType } from '../file-types';

const bytes = (count: number) => `${count.toLocaleString('en-US')} 字节`;

function mismatch(attachment: Attachment, found: SniffedType, size: number): UnprocessableError {
  const declared = typeOfContentType(attachment.contentType);
  const declaredLabel = declared ? fileTypes[declared].label : attachment.contentType;
  const details: ErrorDetail[] = [];
  if (found !== declared) {
    details.push({
      path: 'contentType',
      message: `申报为${declaredLabel}，实际为${sniffedLabel(found)}`,
      declared: declared ?? attachment.contentType,
      found,
    });
  }
  if (size !== attachment.size) {
    details.push({
      path: 'size',
      message: `申报 ${bytes(attachment.size)}，实际 ${bytes(size)}`,
      declared: attachment.size,
      found: size,
    });
  }
  if (size > maxAttachmentBytes) details.push({ path: 'size', message: '超过 20 MB 上限' });
  return new UnprocessableError(
    'ATTACHMENT_MISMATCH',
    `上传的文件与申报不符：申报为${declaredLabel}（${bytes(attachment.size)}），` +
      `实际为${sniffedLabel(found)}（${bytes(size)}${size > maxAttachmentBytes ? '，超过 20 MB 上限' : ''}）。` +
      '该文件已删除，请按申报的文件重新上传。',
    details,
  );
}

/**
 * The reporter says the upload is done. The upload (in quarantine) must be there; its size must be
 * the declared one and its bytes the declared type (magic numbers, ZIP entry names), otherwise it
 * is deleted and the answer says what was declared and what arrived. The checked bytes — exactly
 * those, by ETag — are copied to the final key that downloads read and no presigned URL names, so
 * uploading again with the still-valid URL changes nothing anyone downloads. Then pending →
 * confirmed with its audit event in one transaction. Confirming again answers the confirmed
 * attachment.
 */
export async function confirmAttachment(
  deps: AttachmentsDeps,
  principal: Principal,
  itemId: string,
  attachmentId: string,
): Promise<Attachment> {
  const item = await visibleItem(deps, principal, itemId);
  const attachment = await findAttachment(deps, itemId, attachmentId);
  if (attachment.status === 'confirmed') return attachment;
  assertOpen(item);

  const key = quarantineKey(attachment);
  const head = await deps.objects.head(key);
  if (!head) {
    throw new ConflictError('ATTACHMENT_NOT_UPLOADED', '还没有收到附件文件：请先用上传地址上传文件，再确认');
  }
  const found = await sniffType({
    size: head.size,
    read: (start, endInclusive) => deps.objects.readRange(key, start, endInclusive, head.etag),
  });
  const declared = typeOfContentType(attachment.contentType);
  if (found !== declared || head.size !== attachment.size || head.size > maxAttachmentBytes) {
    // The bucket's lifecycle rule removes the deleted upload's old version within a day.
    await deps.objects.delete(key);
    throw mismatch(attachment, found, head.size);
  }
  if (!(await deps.objects.copy(key, objectKey(attachment), head.etag))) throw attachmentReplaced();

  const at = deps.now().toISOString();
  const confirmed: Attachment = { ...attachment, status: 'confirmed', confirmedAt: at };
  try {
    await deps.attachments.confirm(confirmed, {
      at,
      ...actorOf(principal),
      role: principal.role,
      action: 'attach-confirm',
      comment: `确认附件“${attachment.fileName}”（${attachment.attachmentId}）`,
    });
  } catch (error) {
    // A concurrent confirmation won the race: answer what it stored.
    if (!(error instanceof ConflictError)) throw error;
    const current = await findAttachment(deps, itemId, attachmentId);
    if (current.status === 'confirmed') return current;
    throw error;
  }
  // Quarantine is done with; were this delete lost, the lifecycle rule would remove it in a day.
  await deps.objects.delete(key);
  return confirmed;
}
