import * as z from 'zod';
import { isoDateTime } from './common';
import { singleLine } from './free-text';
import { itemId } from './items';

export const attachmentTypes = ['jpg', 'png', 'pdf', 'docx', 'xlsx'] as const;
export const maxAttachmentBytes = 20 * 1024 * 1024;

export const attachmentId = z
  .string()
  .regex(/^at_[0-9a-z]{20,30}$/, '附件编号格式不正确')
  .meta({ description: '附件编号' });

export const attachmentCreate = z
  .strictObject({
    fileName: singleLine(1, 200).meta({ description: '原文件名（会被清理）' }),
    contentType: z
      .enum([
        'image/jpeg',
        'image/png',
        'application/pdf',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ])
      .meta({ description: 'jpg、png、pdf、docx、xlsx' }),
    size: z.int().min(1).max(maxAttachmentBytes).meta({ description: '字节数，上限 20 MB' }),
    caption: singleLine(2, 200).optional().meta({ description: '图片说明；图片必填' }),
  })
  .meta({ id: 'AttachmentCreate' });
export type AttachmentCreate = z.infer<typeof attachmentCreate>;

export const attachment = z
  .object({
    attachmentId,
    itemId,
    fileName: z.string(),
    contentType: z.string(),
    size: z.int(),
    caption: z.string().optional(),
    status: z.enum(['pending', 'confirmed']),
    createdAt: isoDateTime,
    confirmedAt: isoDateTime.optional(),
  })
  .meta({ id: 'Attachment' });
export type Attachment = z.infer<typeof attachment>;

export const attachmentUpload = z
  .object({
    attachment,
    upload: z.object({
      url: z.string().meta({ description: '预签名上传地址（PUT），15 分钟内有效' }),
      method: z.literal('PUT'),
      headers: z.record(z.string(), z.string()).meta({ description: '上传时必须带上的请求头' }),
      expiresAt: isoDateTime,
    }),
  })
  .meta({ id: 'AttachmentUpload' });

export const attachmentDownload = z
  .object({ attachment, url: z.string(), expiresAt: isoDateTime })
  .meta({ id: 'AttachmentDownload' });

export const attachmentParams = z.strictObject({ itemId, attachmentId });
