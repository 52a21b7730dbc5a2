import * as z from 'zod/mini';
import { isoDateTime } from './common';
import { meta } from './meta';

export const health = meta(
  z.object({
    status: z.enum(['ok', 'degraded']),
    version: z.string(),
    time: isoDateTime,
    checks: z.object({
      table: z.enum(['ok', 'unreachable']),
      schedulerLastRunAt: meta(z.optional(isoDateTime), { description: '定时任务最近一次运行时间' }),
    }),
  }),
  { id: 'Health' },
);

export const openApiDocument = meta(z.looseObject({ openapi: z.string() }), { id: 'OpenApiDocument' });
