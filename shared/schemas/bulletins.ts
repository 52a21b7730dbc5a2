import * as z from 'zod';
import { isoDateTime } from './common';
import { multiLine, singleLine } from './free-text';
import { itemId, itemText } from './items';
import { unitId } from './units';

export const seriesId = z
  .string()
  .regex(/^[a-z][a-z0-9-]{1,19}$/, '刊物编号须为 2–20 位小写字母、数字或连字符')
  .meta({ description: '刊物编号', example: 'zwxx' });

export const series = z
  .strictObject({
    seriesId,
    name: singleLine(2, 20).meta({ description: '刊物名称（不含书名号），如 政务信息' }),
    publicOnly: z.boolean().meta({ description: '只收可公开（public）的稿件' }),
    archived: z.boolean().meta({ description: '发布后在公开档案网站展示（仅其中可公开的稿件）' }),
    active: z.boolean(),
  })
  .meta({ id: 'Series' });
export type Series = z.infer<typeof series>;

export const seriesList = z
  .strictObject({ series: z.array(series).min(1).max(20) })
  .meta({ id: 'SeriesList' });
export type SeriesList = z.infer<typeof seriesList>;

export const bulletinId = z
  .string()
  .regex(/^bl_[0-9a-z]{20,30}$/, '期刊编号格式不正确')
  .meta({ description: '期刊（期）编号' });

export const distribution = z
  .strictObject({
    report: z.array(singleLine(1, 60)).max(30).meta({ description: '报' }),
    send: z.array(singleLine(1, 60)).max(30).meta({ description: '送' }),
    issue: z.array(singleLine(1, 60)).max(200).meta({ description: '发' }),
  })
  .meta({ id: 'Distribution' });
export type Distribution = z.infer<typeof distribution>;

export const bulletinItem = z
  .object({
    itemId,
    unitId,
    coUnits: z.array(unitId),
    unitNames: z.array(z.string()).meta({ description: '署名单位名称（综合信息为多个）' }),
    title: z.string(),
    body: z.string(),
    openness: z.enum(['public', 'internal']),
    itemVersion: z
      .int()
      .optional()
      .meta({ description: '编入或刷新草稿时稿件的版本；稿件此后有改动的，须刷新草稿才能发布' }),
  })
  .meta({ id: 'BulletinItem' });
export type BulletinItem = z.infer<typeof bulletinItem>;

export const storedFile = z
  .object({ key: z.string(), sha256: z.string(), size: z.int() })
  .meta({ id: 'StoredFile' });

export const bulletinStatuses = ['draft', 'published', 'withdrawn'] as const;

export const bulletin = z
  .object({
    bulletinId,
    seriesId,
    seriesName: z.string(),
    year: z.int(),
    number: z.int().optional().meta({ description: '第N期（发布时分配）' }),
    total: z.int().optional().meta({ description: '总第N期（发布时分配）' }),
    status: z.enum(bulletinStatuses),
    items: z.array(bulletinItem),
    editor: z.string(),
    signer: z.string().optional().meta({ description: '签发' }),
    distribution,
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
    publishedAt: isoDateTime.optional(),
    publishedBy: z.string().optional(),
    withdrawnAt: isoDateTime.optional(),
    withdrawReason: z.string().optional(),
    docx: storedFile.optional(),
    html: storedFile.optional(),
    version: z.int(),
  })
  .meta({ id: 'Bulletin' });
export type Bulletin = z.infer<typeof bulletin>;

/** At most this many items per issue: one publish is one transaction of ≤ 100 actions. */
export const maxBulletinItems = 15;

export const bulletinCreate = z
  .strictObject({
    seriesId,
    itemIds: z.array(itemId).max(maxBulletinItems).meta({ description: '可先建空草稿，稍后再编入稿件' }),
  })
  .meta({ id: 'BulletinCreate' });

export const bulletinUpdate = z
  .strictObject({
    version: z.int().positive(),
    items: z
      .array(z.strictObject({ itemId, ...itemText }).partial({ title: true, body: true }))
      .max(maxBulletinItems)
      .optional()
      .meta({
        description:
          '按期内顺序排列；给出 title/body 即修改该篇的采用稿（写入稿件的编辑修改稿），省略则沿用稿件当前的采用稿（刷新草稿）',
      }),
    signer: singleLine(2, 20).optional().meta({ description: '签发' }),
    distribution: distribution.optional(),
  })
  .meta({ id: 'BulletinUpdate' });
export type BulletinUpdate = z.infer<typeof bulletinUpdate>;

export const publishBody = z
  .strictObject({
    version: z.int().positive(),
    signer: singleLine(2, 20).optional().meta({ description: '签发人；草稿中已填写时可省略' }),
  })
  .meta({ id: 'BulletinPublish' });

export const withdrawBody = z
  .strictObject({ version: z.int().positive(), reason: multiLine(2, 500).meta({ description: '撤回原因' }) })
  .meta({ id: 'BulletinWithdraw' });

export const bulletinParams = z.strictObject({ bulletinId });

export const bulletinListQuery = z.strictObject({
  seriesId: seriesId.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: z.enum(bulletinStatuses).optional(),
});

export const bulletinSummary = bulletin
  .pick({
    bulletinId: true,
    seriesId: true,
    seriesName: true,
    year: true,
    number: true,
    total: true,
    status: true,
    publishedAt: true,
    version: true,
  })
  .extend({ itemCount: z.int() })
  .meta({ id: 'BulletinSummary' });

export const bulletinList = z.object({ bulletins: z.array(bulletinSummary) }).meta({ id: 'BulletinList' });

export const docxLink = z
  .object({ url: z.string(), expiresAt: isoDateTime, fileName: z.string(), sha256: z.string() })
  .meta({ id: 'DocxLink' });
