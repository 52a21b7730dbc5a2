import * as z from 'zod/mini';
import { isoDateTime } from './common';
import { singleLine } from './free-text';
import { itemId } from './item-fields';
import { meta } from './meta';

export const attachmentTypes = ['jpg', 'png', 'pdf', 'docx', 'xlsx'] as const;
export const maxAttachmentBytes = 20 * 1024 * 1024;

export const attachmentId = meta(z.string().check(z.regex(/^at_[0-9a-z]{20,30}$/, '附件编号格式不正确')), {
  description: '附件编号',
});

export const attachmentCreate = meta(
  z.strictObject({
    fileName: meta(singleLine(1, 200), { description: '原文件名（会被清理）' }),
    contentType: meta(
      z.enum([
        'image/jpeg',
        'image/png',
        'application/pdf',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ]),
      { description: 'jpg、png、pdf、docx、xlsx' },
    ),
    size: meta(z.int().check(z.gte(1)).check(z.lte(maxAttachmentBytes)), {
      description: '字节数，上限 20 MB',
    }),
    caption: meta(z.optional(singleLine(2, 200)), { description: '图片说明；图片必填' }),
  }),
  { id: 'AttachmentCreate' },
);
export type AttachmentCreate = z.infer<typeof attachmentCreate>;

export const attachment = meta(
  z.object({
    attachmentId,
    itemId,
    fileName: z.string(),
    contentType: z.string(),
    size: z.int(),
    caption: z.optional(z.string()),
    status: z.enum(['pending', 'confirmed']),
    createdAt: isoDateTime,
    confirmedAt: z.optional(isoDateTime),
  }),
  { id: 'Attachment' },
);
export type Attachment = z.infer<typeof attachment>;

export const attachmentUpload = meta(
  z.object({
    attachment,
    upload: z.object({
      url: meta(z.string(), { description: '预签名上传地址（PUT），15 分钟内有效' }),
      method: z.literal('PUT'),
      headers: meta(z.record(z.string(), z.string()), { description: '上传时必须带上的请求头' }),
      expiresAt: isoDateTime,
    }),
  }),
  { id: 'AttachmentUpload' },
);

export const attachmentDownload = meta(z.object({ attachment, url: z.string(), expiresAt: isoDateTime }), {
  id: 'AttachmentDownload',
});

export const attachmentParams = z.strictObject({ itemId, attachmentId });
