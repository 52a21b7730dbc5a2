import { actorOf } from '#shared/domain/actor';
import type { Principal } from '#shared/domain/roles';
import { UnprocessableError } from '#shared/errors';
import { type Attachment, type AttachmentCreate, maxAttachmentBytes } from '#shared/schemas/attachments';
import { assertOpen, presignSeconds, quarantineKey, visibleItem } from '../access';
import type { AttachmentsDeps } from '../deps';
import { sanitiseFileName } from '../file-name';
import { fileTypes, typeOfContentType, typeOfExtension } from '../file-types';

const allowedList = 'jpg、png、pdf、docx、xlsx';

export interface AttachmentUpload {
  attachment: Attachment;
  upload: { url: string; method: 'PUT'; headers: Record<string, string>; expiresAt: string };
}

/**
 * A reporter asks to attach a file to their unit's open item: the declared type and the name's
 * extension must agree, images need a caption; the pending record and its audit event are
 * stored in one transaction, and the answer is a presigned PUT to the quarantine key that only
 * accepts the declared type and size.
 */
export async function createAttachmentUpload(
  deps: AttachmentsDeps,
  principal: Principal,
  itemId: string,
  input: AttachmentCreate,
): Promise<AttachmentUpload> {
  const item = await visibleItem(deps, principal, itemId);
  assertOpen(item);

  const declared = typeOfContentType(input.contentType);
  if (!declared) {
    throw new UnprocessableError('ATTACHMENT_TYPE_NOT_ALLOWED', `只能上传 ${allowedList} 文件`);
  }
  const { name, extension } = sanitiseFileName(input.fileName);
  const named = typeOfExtension(extension);
  if (!named) {
    throw new UnprocessableError(
      'ATTACHMENT_TYPE_NOT_ALLOWED',
      extension
        ? `不支持扩展名为 .${extension} 的文件，只能上传 ${allowedList} 文件`
        : `文件名缺少扩展名，只能上传 ${allowedList} 文件`,
      [{ path: 'fileName', message: '扩展名不在允许范围内' }],
    );
  }
  if (named !== declared) {
    throw new UnprocessableError(
      'ATTACHMENT_TYPE_MISMATCH',
      `文件名扩展名 .${extension} 与申报的类型（${fileTypes[declared].label}）不一致`,
      [{ path: 'fileName', message: `扩展名应为 .${fileTypes[declared].extensions.join(' 或 .')}` }],
    );
  }
  if (input.size > maxAttachmentBytes) {
    throw new UnprocessableError('ATTACHMENT_TOO_LARGE', '附件不能超过 20 MB');
  }
  if (fileTypes[declared].image && !input.caption) {
    throw new UnprocessableError('CAPTION_REQUIRED', '图片附件必须填写图片说明（caption），写明图片内容', [
      { path: 'caption', message: '图片必须附说明' },
    ]);
  }

  const now = deps.now();
  const attachment: Attachment = {
    attachmentId: deps.newAttachmentId(),
    itemId: item.itemId,
    fileName: name,
    contentType: fileTypes[declared].contentType,
    size: input.size,
    ...(input.caption ? { caption: input.caption } : {}),
    status: 'pending',
    createdAt: now.toISOString(),
  };
  await deps.attachments.create(attachment, {
    at: attachment.createdAt,
    ...actorOf(principal),
    role: principal.role,
    action: 'attach',
    comment: `申请上传附件“${attachment.fileName}”（${attachment.attachmentId}）`,
  });
  // The upload lands in quarantine; only a passed check copies it to where downloads read.
  const presigned = await deps.objects.presignPut({
    key: quarantineKey(attachment),
    contentType: attachment.contentType,
    size: attachment.size,
    expiresIn: presignSeconds,
  });
  return {
    attachment,
    upload: {
      url: presigned.url,
      method: 'PUT',
      headers: presigned.headers,
      expiresAt: new Date(now.getTime() + presignSeconds * 1000).toISOString(),
    },
  };
}
