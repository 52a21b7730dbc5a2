import { openApiDocument } from '#shared/openapi/document';

let cached: ReturnType<typeof openApiDocument> | undefined;

/** Generated once per process: the document depends only on the code. */
export function getOpenApi(version: string) {
  cached ??= openApiDocument(version);
  return cached;
}
