import * as z from 'zod/mini';
import { isoDateTime } from './common';
import { multiLine, singleLine } from './free-text';
import { itemId, itemText } from './item-fields';
import { meta } from './meta';
import { personRef } from './person-ref';
import { seriesId } from './series-id';
import { unitId } from './units';

export { seriesId };

export const series = meta(
  z.strictObject({
    seriesId,
    name: meta(singleLine(2, 20), { description: '刊物名称（不含书名号），如 政务信息' }),
    publicOnly: meta(z.boolean(), { description: '只收可公开（public）的稿件' }),
    archived: meta(z.boolean(), { description: '发布后在公开档案网站展示（仅其中可公开的稿件）' }),
    active: z.boolean(),
  }),
  { id: 'Series' },
);
export type Series = z.infer<typeof series>;

export const seriesList = meta(
  z.strictObject({ series: z.array(series).check(z.minLength(1)).check(z.maxLength(20)) }),
  { id: 'SeriesList' },
);
export type SeriesList = z.infer<typeof seriesList>;

export const bulletinId = meta(z.string().check(z.regex(/^bl_[0-9a-z]{20,30}$/, '期刊编号格式不正确')), {
  description: '期刊（期）编号',
});

export const distribution = meta(
  z.strictObject({
    report: meta(z.array(singleLine(1, 60)).check(z.maxLength(30)), { description: '报' }),
    send: meta(z.array(singleLine(1, 60)).check(z.maxLength(30)), { description: '送' }),
    issue: meta(z.array(singleLine(1, 60)).check(z.maxLength(200)), { description: '发' }),
  }),
  { id: 'Distribution' },
);
export type Distribution = z.infer<typeof distribution>;

export const bulletinItem = meta(
  z.object({
    itemId,
    unitId,
    coUnits: z.array(unitId),
    unitNames: meta(z.array(z.string()), { description: '署名单位名称（综合信息为多个）' }),
    title: z.string(),
    body: z.string(),
    openness: z.enum(['public', 'internal']),
    itemVersion: meta(z.optional(z.int()), {
      description: '编入或刷新草稿时稿件的版本；稿件此后有改动的，须刷新草稿才能发布',
    }),
  }),
  { id: 'BulletinItem' },
);
export type BulletinItem = z.infer<typeof bulletinItem>;

export const storedFile = meta(z.object({ key: z.string(), sha256: z.string(), size: z.int() }), {
  id: 'StoredFile',
});

export const bulletinStatuses = ['draft', 'published', 'withdrawn'] as const;

export const bulletin = meta(
  z.object({
    bulletinId,
    seriesId,
    seriesName: z.string(),
    year: z.int(),
    number: meta(z.optional(z.int()), { description: '第N期（发布时分配）' }),
    total: meta(z.optional(z.int()), { description: '总第N期（发布时分配）' }),
    status: z.enum(bulletinStatuses),
    items: z.array(bulletinItem),
    editor: z.string(),
    signer: meta(z.optional(z.string()), { description: '签发' }),
    distribution,
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
    publishedAt: z.optional(isoDateTime),
    publishedBy: z.optional(z.string()),
    publishedByPerson: meta(z.optional(personRef), { description: '签发出刊的人员（人员账号登录时记录）' }),
    withdrawnAt: z.optional(isoDateTime),
    withdrawReason: z.optional(z.string()),
    docx: z.optional(storedFile),
    html: z.optional(storedFile),
    version: z.int(),
  }),
  { id: 'Bulletin' },
);
export type Bulletin = z.infer<typeof bulletin>;

/** At most this many items per issue: one publish is one transaction of ≤ 100 actions. */
export const maxBulletinItems = 15;

export const bulletinCreate = meta(
  z.strictObject({
    seriesId,
    itemIds: meta(z.array(itemId).check(z.maxLength(maxBulletinItems)), {
      description: '可先建空草稿，稍后再编入稿件',
    }),
  }),
  { id: 'BulletinCreate' },
);

export const bulletinUpdate = meta(
  z.strictObject({
    version: z.int().check(z.positive()),
    items: meta(
      z.optional(
        z
          .array(z.partial(z.strictObject({ itemId, ...itemText }), { title: true, body: true }))
          .check(z.maxLength(maxBulletinItems)),
      ),
      {
        description:
          '按期内顺序排列；给出 title/body 即修改该篇的采用稿（写入稿件的编辑修改稿），省略则沿用稿件当前的采用稿（刷新草稿）',
      },
    ),
    signer: meta(z.optional(singleLine(2, 20)), { description: '签发' }),
    distribution: z.optional(distribution),
  }),
  { id: 'BulletinUpdate' },
);
export type BulletinUpdate = z.infer<typeof bulletinUpdate>;

export const publishBody = meta(
  z.strictObject({
    version: z.int().check(z.positive()),
    signer: meta(z.optional(singleLine(2, 20)), { description: '签发人；草稿中已填写时可省略' }),
  }),
  { id: 'BulletinPublish' },
);

export const withdrawBody = meta(
  z.strictObject({
    version: z.int().check(z.positive()),
    reason: meta(multiLine(2, 500), { description: '撤回原因' }),
  }),
  { id: 'BulletinWithdraw' },
);

export const bulletinParams = z.strictObject({ bulletinId });

export const bulletinListQuery = z.strictObject({
  seriesId: z.optional(seriesId),
  year: z.optional(z.coerce.number().check(z.int()).check(z.gte(2000)).check(z.lte(2100))),
  status: z.optional(z.enum(bulletinStatuses)),
});

export const bulletinSummary = meta(
  z.extend(
    z.pick(bulletin, {
      bulletinId: true,
      seriesId: true,
      seriesName: true,
      year: true,
      number: true,
      total: true,
      status: true,
      publishedAt: true,
      version: true,
    }),
    { itemCount: z.int() },
  ),
  { id: 'BulletinSummary' },
);

export const bulletinList = meta(z.object({ bulletins: z.array(bulletinSummary) }), { id: 'BulletinList' });

export const docxLink = meta(
  z.object({ url: z.string(), expiresAt: isoDateTime, fileName: z.string(), sha256: z.string() }),
  { id: 'DocxLink' },
);
