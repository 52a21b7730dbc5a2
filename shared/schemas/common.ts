import * as z from 'zod/mini';
import zhCN from 'zod/v4/locales/zh-CN.js';
import { meta } from './meta';

// Chinese messages for every field-level error zod produces.
// Imported alone: `z.locales` would bundle every language (≈ 300 KB per function).
z.config(zhCN());

export const isoDateTime = meta(z.iso.datetime({ offset: true }), { description: 'ISO 8601 时间' });

export const errorBody = meta(
  z.object({
    error: z.object({
      code: meta(z.string(), { description: '稳定的错误代码，供程序判断' }),
      message: meta(z.string(), { description: '中文说明' }),
      details: meta(
        z.optional(z.array(z.looseObject({ path: z.optional(z.string()), message: z.string() }))),
        { description: '逐字段的问题' },
      ),
    }),
  }),
  { id: 'Error' },
);

export const emptyQuery = z.strictObject({});
