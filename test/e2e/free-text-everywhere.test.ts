/**
 * Issue 11 items 1 and 9, generated from the route table and /openapi.json so a field added later
 * cannot miss the rules: every plain string of every JSON request body is declared free text;
 * every route with free text has a sample; a secrecy marker in any free-text field of any route,
 * sent over HTTP to the local stack, is refused with 422 SECRECY_REFUSED and stores nothing; a
 * control character in any single-line field is refused with 400.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RouteDeclaration, routes } from '#shared/catalogue/routes';
import type { Role } from '#shared/domain/roles';
import { localNames } from '../../infra/local/env';
import { sampleBodies, samplePathParams } from '../fixtures/request-samples';
import { differences, snapshotTable } from '../reliability/support/fuzz-store';
import { apiClient } from '../support/api';
import { showStackErrorsOnFailure } from '../support/e2e';
import {
  dotted,
  type JsonSchema,
  type StringField,
  stringFields,
  valueAt,
  withValueAt,
} from '../support/free-text-fields';
import { startStackForTest, type TestStack } from '../support/local-stack';

let stack: TestStack;
const call = apiClient(() => stack.urls.api);
type OpenApi = {
  paths: Record<
    string,
    Record<string, { requestBody?: { content: Record<string, { schema: JsonSchema }> } }>
  >;
  components: { schemas: Record<string, JsonSchema> };
};
let document: OpenApi;

const markers = [
  '机密★一年',
  '绝\u200B密',
  '【机密】内部资料 注意保密',
  '絕密★啟用前',
  '内部资料\u00A0请注意保密',
];
const controls = ['\n', '\r', '\u0085', '\u2028', '\u0007', '\u001b', '\t'];
const jsonRoutes = (routes as readonly RouteDeclaration[]).filter((route) => route.body?.kind === 'json');

function fieldsOf(route: RouteDeclaration): StringField[] {
  const operation = document.paths[route.path]?.[route.method.toLowerCase()];
  const schema = operation?.requestBody?.content['application/json']?.schema;
  if (!schema) throw new Error(`openapi.json has no JSON body for ${route.operationId}`);
  return stringFields(schema, document.components.schemas);
}
const freeText = (route: RouteDeclaration) => fieldsOf(route).filter((field) => field.kind !== 'unmarked');

function send(route: RouteDeclaration, json: unknown) {
  const tokens: Record<Role, string> = {
    admin: stack.tokens.ADMIN_TOKEN,
    editor: stack.tokens.EDITOR_TOKEN,
    leader: stack.tokens.LEADER_TOKEN,
    reporter: stack.tokens.REPORTER_TOKEN,
    // Every route a unit-admin reaches also admits the reporter, who is listed first.
    'unit-admin': stack.tokens.REPORTER_TOKEN,
  };
  const role = route.roles[0] as Role;
  const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => samplePathParams[name] ?? name);
  return call(route.method, path, {
    token: tokens[role],
    json,
    headers: route.idempotent ? { 'idempotency-key': randomUUID() } : {},
  });
}

const snapshot = () => snapshotTable(stack.urls.dynamodb, localNames.table);

beforeAll(async () => {
  stack = await startStackForTest();
  document = (await (await fetch(stack.urls.openapi)).json()) as OpenApi;
}, 120_000);

afterAll(async () => {
  await stack?.stop();
});

showStackErrorsOnFailure(() => stack.output());

describe('free text, from the route table and openapi.json', () => {
  it('declares every plain string of every JSON request body as free text', () => {
    const unmarked = jsonRoutes.flatMap((route) =>
      fieldsOf(route)
        .filter((field) => field.kind === 'unmarked')
        .map((field) => `${route.operationId}: ${dotted(field.path)}`),
    );
    expect(unmarked, 'string fields with no enum, pattern or format must be singleLine or multiLine').toEqual(
      [],
    );
    const declared = jsonRoutes.flatMap((route) =>
      freeText(route).map((field) => `${route.operationId} ${dotted(field.path)}`),
    );
    // The fields the outside audit found storing markers (issue 11 item 1), among all the others.
    expect(declared).toEqual(
      expect.arrayContaining([
        'submitItem approver',
        'submitItem author.name',
        'editItem title',
        'mergeItems body',
        'mergeItems comment',
        'decideItem comment',
        'updateBulletin items.0.body',
        'updateBulletin distribution.issue.0',
        'updateBulletin signer',
        'recordInstruction leader',
        'recordInstruction text',
        'createCommission topic',
        'createCommission requirements',
        'createAttachmentUpload fileName',
        'createAttachmentUpload caption',
        'createUnit name',
        'updateUnit name',
        'createUnit contacts.0.name',
        'issueToken label',
      ]),
    );
  });

  it('has a valid sample body for every route with free text', () => {
    const problems = jsonRoutes
      .filter((route) => freeText(route).length > 0)
      .flatMap((route) => {
        const sample = sampleBodies[route.operationId];
        if (sample === undefined)
          return [`${route.operationId}: no sample in test/fixtures/request-samples.ts`];
        const parsed = route.body?.schema?.safeParse(sample);
        if (parsed && !parsed.success)
          return [`${route.operationId}: sample invalid: ${parsed.error.message}`];
        return freeText(route)
          .filter((field) => typeof valueAt(sample, field.path) !== 'string')
          .map((field) => `${route.operationId}: sample lacks ${dotted(field.path)}`);
      });
    expect(problems).toEqual([]);
  });

  it('refuses a secrecy marker in every free-text field of every route with 422, storing nothing', async () => {
    const failures: string[] = [];
    let sent = 0;
    for (const route of jsonRoutes) {
      const sample = sampleBodies[route.operationId];
      if (sample === undefined) continue;
      for (const field of freeText(route)) {
        const marker = markers[sent % markers.length] as string;
        sent += 1;
        const body = withValueAt(sample, field.path, `${marker}${String(valueAt(sample, field.path))}`);
        const before = await snapshot();
        const reply = await send(route, body);
        const changes = differences(before, await snapshot());
        const where = `${route.operationId} ${dotted(field.path)} (${JSON.stringify(marker)})`;
        if (reply.status !== 422 || reply.body.error?.code !== 'SECRECY_REFUSED')
          failures.push(`${where}: ${reply.status} ${JSON.stringify(reply.body).slice(0, 200)}`);
        else if (reply.body.error.details?.[0]?.path !== dotted(field.path))
          failures.push(`${where}: refusal names ${reply.body.error.details?.[0]?.path}`);
        if (changes.length > 0) failures.push(`${where}: stored ${changes.join('; ').slice(0, 300)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(30);
  });

  it('refuses a control character in every single-line field of every route with 400, storing nothing', async () => {
    const failures: string[] = [];
    const before = await snapshot();
    let sent = 0;
    for (const route of jsonRoutes) {
      const sample = sampleBodies[route.operationId];
      if (sample === undefined) continue;
      for (const field of freeText(route).filter((entry) => entry.kind === 'line')) {
        const control = controls[sent % controls.length] as string;
        sent += 1;
        const original = String(valueAt(sample, field.path));
        const chars = Array.from(original);
        const value = `${chars[0]}${control}${chars.slice(1).join('')}`;
        const reply = await send(route, withValueAt(sample, field.path, value));
        const where = `${route.operationId} ${dotted(field.path)} (${JSON.stringify(control)})`;
        const detail = reply.body.error?.details?.find((entry) => entry.path === dotted(field.path));
        if (reply.status !== 400 || reply.body.error?.code !== 'VALIDATION_FAILED' || !detail)
          failures.push(`${where}: ${reply.status} ${JSON.stringify(reply.body).slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(differences(before, await snapshot())).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(20);
  });

  it('lets words about secrecy work through: 保密工作会议, 涉密人员培训, 商业机密, 非涉密', async () => {
    const route = jsonRoutes.find((entry) => entry.operationId === 'precheckItem') as RouteDeclaration;
    const reply = await send(route, {
      ...(sampleBodies.precheckItem as object),
      title: '全市召开保密工作会议部署涉密人员培训',
      body: '11月20日，全市保密工作会议召开，部署涉密人员培训，强调依法保护企业商业机密。本信息为非涉密信息。',
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  });

  it('refuses a unit CSV with a marker on any line, naming the line, and imports none of it', async () => {
    const before = await snapshot();
    const reply = await call('POST', '/units/import', {
      token: stack.tokens.ADMIN_TOKEN,
      text: [
        '编号,名称,类别',
        'sample-a,样例甲局,department',
        'sample-b,機密★一年 样例乙局,department',
        '',
      ].join('\n'),
    });
    expect(reply.status).toBe(422);
    expect(reply.body.error?.code).toBe('SECRECY_REFUSED');
    expect(reply.body.error?.message).toContain('第 3 行');
    expect(differences(before, await snapshot())).toEqual([]);
  });
});
