import * as z from 'zod/mini';

/**
 * `zod/mini` for `schema.meta(...)` of full zod: a copy of the schema carrying the metadata
 * (description, example, `id` for /openapi.json components). A copy with a parent rather than a
 * `z.meta()` check, so an object schema stays one that `z.pick`, `z.omit` and `z.extend` accept.
 */
export function meta<S extends z.ZodMiniType>(schema: S, metadata: z.core.GlobalMeta): S {
  const copy = schema.clone();
  z.globalRegistry.add(copy, metadata);
  return copy;
}
