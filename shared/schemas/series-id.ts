import * as z from 'zod/mini';
import { meta } from './meta';

/**
 * A series' id (刊物编号), on its own so that schemas naming a series (the scoring policy) do not
 * carry every bulletin schema into the bundles that read them (month-close, mail jobs).
 */
export const seriesId = meta(
  z.string().check(z.regex(/^[a-z][a-z0-9-]{1,19}$/, '刊物编号须为 2–20 位小写字母、数字或连字符')),
  { description: '刊物编号', example: 'zwxx' },
);
