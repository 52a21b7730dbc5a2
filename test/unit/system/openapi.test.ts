import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { type RouteDeclaration, routes } from '#shared/catalogue/routes';
import { openApiDocument } from '#shared/openapi/document';
import { prebuiltOpenApiDocument } from '#shared/openapi/prebuilt';
import { consoleTypes, consoleTypesPath } from '../../../infra/openapi/console-types';
import { loadHandler } from '../../support/handlers';
import { httpEvent, invoke } from '../../support/http-events';

type Json = Record<string, unknown>;

function collectRefs(value: unknown, into: string[] = []): string[] {
  if (Array.isArray(value)) for (const inner of value) collectRefs(inner, into);
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === '$ref' && typeof inner === 'string') into.push(inner);
      else collectRefs(inner, into);
    }
  }
  return into;
}

describe('the OpenAPI document', () => {
  const document = openApiDocument('test') as unknown as {
    openapi: string;
    paths: Record<string, Record<string, Json>>;
    components: { schemas: Record<string, Json> };
  };

  it('is OpenAPI 3.1 and lists every route of the route table exactly once', () => {
    expect(document.openapi).toBe('3.1.0');
    const listed = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(listed.sort()).toEqual(
      (routes as readonly RouteDeclaration[]).map((r) => `${r.method} ${r.path}`).sort(),
    );
    const ids = Object.values(document.paths).flatMap((ops) =>
      Object.values(ops).map((op) => op.operationId),
    );
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('resolves every $ref to a component generated from a zod schema', () => {
    for (const ref of collectRefs(document)) {
      const name = ref.replace('#/components/schemas/', '');
      expect(document.components.schemas[name], ref).toBeDefined();
    }
    expect(document.components.schemas.UnitCreate).toMatchObject({
      additionalProperties: false,
      required: expect.arrayContaining(['id', 'name', 'class']),
    });
  });

  it('marks bearer routes as secured and public ones as open', () => {
    expect(document.paths['/health']?.get?.security).toEqual([]);
    expect(document.paths['/units']?.post?.security).toEqual([{ bearer: [] }]);
    expect(document.paths['/units/{unitId}']?.get?.parameters).toEqual([
      expect.objectContaining({ name: 'unitId', in: 'path', required: true }),
    ]);
  });

  it('is served without a token at GET /openapi.json', async () => {
    const reply = await invoke(
      await loadHandler('system'),
      httpEvent({ method: 'GET', path: '/openapi.json' }),
    );
    expect(reply.status).toBe(200);
    expect(reply.body.openapi).toBe('3.1.0');
  });

  it('is served as generated from the current routes and schemas (else: npm run openapi:build)', async () => {
    expect(prebuiltOpenApiDocument('9.9.9'), 'prebuilt document is stale: run npm run openapi:build').toEqual(
      openApiDocument('9.9.9'),
    );
    const reply = await invoke(
      await loadHandler('system'),
      httpEvent({ method: 'GET', path: '/openapi.json' }),
    );
    expect(reply.body).toEqual(openApiDocument((reply.body.info as { version: string }).version));
  });

  it('gives the console its API types from the same document (else: npm run openapi:build)', async () => {
    const committed = await readFile(new URL(`../../../${consoleTypesPath}`, import.meta.url), 'utf8');
    expect(
      committed === (await consoleTypes()),
      'console API types are stale: run npm run openapi:build',
    ).toBe(true);
  });
});
