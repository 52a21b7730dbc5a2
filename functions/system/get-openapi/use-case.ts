import { type OpenApiDocument, prebuiltOpenApiDocument } from '#shared/openapi/prebuilt';

let cached: OpenApiDocument | undefined;

/** Rendered at build time (shared/openapi/prebuilt.ts); decompressed once per process. */
export function getOpenApi(version: string) {
  cached ??= prebuiltOpenApiDocument(version);
  return cached;
}
