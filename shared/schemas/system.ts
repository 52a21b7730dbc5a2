import * as z from 'zod';
import { isoDateTime } from './common';

export const health = z
  .object({
    status: z.enum(['ok', 'degraded']),
    version: z.string(),
    time: isoDateTime,
    checks: z.object({
      table: z.enum(['ok', 'unreachable']),
      schedulerLastRunAt: isoDateTime.optional().meta({ description: '定时任务最近一次运行时间' }),
    }),
  })
  .meta({ id: 'Health' });

export const openApiDocument = z.looseObject({ openapi: z.string() }).meta({ id: 'OpenApiDocument' });
