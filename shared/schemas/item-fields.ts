/**
 * The item fields other schemas share (ids, dates, the title and body), in a module of their own:
 * esbuild keeps every schema of a module it imports (each is a call it cannot prove pure), so a
 * function that needs `itemId` should not also carry every item request and response schema.
 */
import * as z from 'zod/mini';
import { multiLine, singleLine } from './free-text';
import { meta } from './meta';

export const itemId = meta(z.string().check(z.regex(/^it_[0-9a-z]{20,30}$/, '稿件编号格式不正确')), {
  description: '稿件编号',
});

export const localDate = meta(
  z
    .string()
    .check(z.regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'))
    .check(z.refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00+08:00`)), '日期不存在')),
  { description: '日期（北京时间）', example: '2026-11-20' },
);

export const itemText = {
  title: meta(singleLine(4, 80), { description: '标题' }),
  body: meta(multiLine(20, 20_000), { description: '正文（纯文本，段落以换行分隔）' }),
};

export const itemParams = z.strictObject({ itemId });
