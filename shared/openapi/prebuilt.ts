/**
 * The OpenAPI document as the `system` function serves it: rendered at build time
 * (`npm run openapi:build` writes document.generated.ts), so the function's bundle carries
 * neither the route table's schemas nor the JSON Schema generator — only ~15 KB of compressed
 * text, decompressed once per process. test/unit/system/openapi.test.ts checks that it equals
 * the live generation (shared/openapi/document.ts).
 */
import { brotliDecompressSync } from 'node:zlib';
import type { openApiDocument } from './document';
import { compressedDocument } from './document.generated';

export type OpenApiDocument = ReturnType<typeof openApiDocument>;

/** The prebuilt document with `info.version` set to the running version. */
export function prebuiltOpenApiDocument(version: string): OpenApiDocument {
  const text = brotliDecompressSync(Buffer.from(compressedDocument, 'base64')).toString('utf8');
  const document = JSON.parse(text) as OpenApiDocument;
  return { ...document, info: { ...document.info, version } };
}
