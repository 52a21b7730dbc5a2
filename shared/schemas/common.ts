import * as z from 'zod';
import zhCN from 'zod/v4/locales/zh-CN.js';

// Chinese messages for every field-level error zod produces.
// Imported alone: `z.locales` would bundle every language (≈ 300 KB per function).
z.config(zhCN());

export const isoDateTime = z.iso.datetime({ offset: true }).meta({ description: 'ISO 8601 时间' });

export const errorBody = z
  .object({
    error: z.object({
      code: z.string().meta({ description: '稳定的错误代码，供程序判断' }),
      message: z.string().meta({ description: '中文说明' }),
      details: z
        .array(z.looseObject({ path: z.string().optional(), message: z.string() }))
        .optional()
        .meta({ description: '逐字段的问题' }),
    }),
  })
  .meta({ id: 'Error' });

export const emptyQuery = z.strictObject({});
