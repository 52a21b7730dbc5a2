import type { Principal } from '#shared/domain/roles';
import { ConflictError } from '#shared/errors';
import type { Attachment } from '#shared/schemas/attachments';
import { findAttachment, objectKey, presignSeconds, visibleItem } from '../access';
import type { AttachmentsDeps } from '../deps';
import { attachmentDisposition } from '../file-name';

export interface AttachmentDownload {
  attachment: Attachment;
  url: string;
  expiresAt: string;
}

/**
 * A presigned GET for a confirmed attachment: reporters of the item's unit, and every staff
 * role. The download states the checked type and `attachment; filename*=UTF-8''…` so browsers
 * save it (never render it) under its Chinese name.
 */
export async function getAttachmentDownload(
  deps: AttachmentsDeps,
  principal: Principal,
  itemId: string,
  attachmentId: string,
): Promise<AttachmentDownload> {
  await visibleItem(deps, principal, itemId);
  const attachment = await findAttachment(deps, itemId, attachmentId);
  if (attachment.status !== 'confirmed') {
    throw new ConflictError('ATTACHMENT_NOT_READY', '附件尚未上传确认，暂不能下载');
  }
  const now = deps.now();
  const url = await deps.objects.presignGet({
    key: objectKey(attachment),
    contentType: attachment.contentType,
    contentDisposition: attachmentDisposition(attachment.fileName),
    expiresIn: presignSeconds,
  });
  return { attachment, url, expiresAt: new Date(now.getTime() + presignSeconds * 1000).toISOString() };
}
