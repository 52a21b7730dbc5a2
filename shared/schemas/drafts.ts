/**
 * 草稿 (drafts): an item a person is still writing, kept on the server per caller and never
 * counted as a submission. The fields are the item-submit fields, each optional except the title;
 * the same free-text rules apply (length, control characters, secrecy markers → 422, nothing
 * stored). Submitting a draft checks it as `POST /items` checks a submission.
 */
import * as z from 'zod/mini';
import { isoDateTime } from './common';
import { multiLine, singleLine } from './free-text';
import { itemId } from './item-fields';
import { itemSubmit } from './items';
import { meta } from './meta';

export const draftId = meta(z.string().check(z.regex(/^df_[0-9a-z]{20,30}$/, '草稿编号格式不正确')), {
  description: '草稿编号',
});

/** What a person may save: every submit field optional, a shorter title and body allowed while writing. */
const draftFieldShape = {
  ...z.partial(itemSubmit).shape,
  title: meta(singleLine(1, 80), { description: '标题（必填，1–80 字；报送时须 4–80 字）' }),
  body: meta(z.optional(multiLine(1, 20_000)), {
    description: '正文（纯文本，段落以换行分隔；不超过 20000 字，报送时至少 20 字）',
  }),
  secrecy: meta(
    z.optional(z.literal('non-secret', { error: '只能保存非涉密信息：secrecy 必须为 non-secret' })),
    {
      description: '涉密声明；报送时必须为 non-secret',
    },
  ),
};

export const draftCreate = meta(z.strictObject(draftFieldShape), {
  id: 'DraftCreate',
  description:
    '保存为草稿：字段与报送稿件相同，除标题外均可留空；含涉密标志的内容拒绝保存（422 SECRECY_REFUSED）',
});
export type DraftCreate = z.infer<typeof draftCreate>;

export const draftUpdate = meta(
  z.strictObject({
    ...draftFieldShape,
    version: meta(z.int().check(z.positive()), {
      description: '读取草稿时的版本号；已被改动则 409 VERSION_CONFLICT',
    }),
  }),
  { id: 'DraftUpdate', description: '整体替换草稿内容（未给出的字段清空）' },
);
export type DraftUpdate = z.infer<typeof draftUpdate>;

/** The saved fields of a draft (what was sent, without `version`). */
export type DraftFields = DraftCreate;

export const draft = meta(
  z.object({
    ...z.partial(z.omit(itemSubmit, { title: true, body: true, secrecy: true })).shape,
    draftId,
    title: z.string(),
    body: z.optional(z.string()),
    secrecy: z.optional(z.literal('non-secret')),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
    version: meta(z.int(), { description: '版本号，修改时回传' }),
    submittedItemId: meta(z.optional(itemId), {
      description: '已报送时生成的稿件编号（已报送的草稿不再出现在列表中，7 天后删除）',
    }),
  }),
  { id: 'Draft' },
);
export type Draft = z.infer<typeof draft>;

export const draftSummary = meta(
  z.object({
    draftId,
    title: z.string(),
    urgency: z.optional(z.enum(['normal', 'important'])),
    updatedAt: isoDateTime,
    createdAt: isoDateTime,
    version: z.int(),
  }),
  { id: 'DraftSummary' },
);

export const draftList = meta(
  z.object({
    drafts: meta(z.array(draftSummary), { description: '本人的草稿，最新创建的在前（不含已报送的）' }),
    nextCursor: meta(z.optional(z.string()), { description: '下一页游标；没有则已是最后一页' }),
  }),
  { id: 'DraftList' },
);

export const draftListQuery = z.strictObject({
  limit: meta(z.optional(z.coerce.number().check(z.int()).check(z.gte(1)).check(z.lte(100))), {
    description: '每页条数（1–100，默认 20）',
  }),
  cursor: meta(z.optional(z.string().check(z.maxLength(500))), { description: '上一页返回的 nextCursor' }),
});
export type DraftListQuery = z.infer<typeof draftListQuery>;

export const draftParams = z.strictObject({ draftId });

export const draftDeleted = meta(z.object({ draftId, deleted: z.literal(true) }), { id: 'DraftDeleted' });
