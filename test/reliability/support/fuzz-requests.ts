/**
 * Requests generated from the live stack's `openapi.json`: every operation, every caller (no token,
 * made-up, revoked, each role, a reporter of this unit or of another), ids real, made-up or hostile,
 * queries and bodies well-formed or broken. Each request carries the reasons the generator KNOWS it
 * must be refused (judged with the route's own zod schemas, exactly as the handlers read requests);
 * a request that could change the store always has at least one.
 */
import fc from 'fast-check';
import type { RouteDeclaration } from '#shared/catalogue/routes';
import type { Role } from '#shared/domain/roles';
import { readQuery } from '../../../infra/local/gateway/event';
import { bodyDefect, csvBody, type DrawnBody, jsonBody, jsonText, noBody } from './fuzz-bodies';
import {
  type Components,
  type JsonSchema,
  mutate,
  nastyString,
  resolve,
  shapeKeepingMutation,
  wellFormed,
} from './fuzz-schema';

export type Caller =
  | 'none'
  | 'blank'
  | 'made-up'
  | 'revoked'
  | Exclude<Role, 'reporter'>
  | 'reporter'
  | 'other-reporter';

export interface FuzzWorld {
  tokens: Record<Exclude<Caller, 'none' | 'blank' | 'made-up'>, string>;
  /** The units the two reporters (and the unit-admin, of the first reporter's unit) belong to. */
  reporterUnit: { reporter: string; 'other-reporter': string; 'unit-admin': string };
  /** Ids that exist, by path parameter name. */
  ids: Record<string, string[]>;
  /** The unit an existing unit, item or attachment id belongs to. */
  unitOf: Record<string, string>;
}

export interface Operation {
  route: RouteDeclaration;
  pathParams: { name: string; schema: JsonSchema }[];
  queryParams: { name: string; required: boolean; schema: JsonSchema }[];
  body?: { contentType: string; schema: JsonSchema };
}

export interface FuzzRequest {
  operationId: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  caller: Caller;
  /** Why the request must be refused; empty only for requests that cannot change the store. */
  defects: string[];
  /** No Authorization header at all: the gateway answers 401 itself, with its fixed body. */
  gatewayRefuses: boolean;
  notes: string[];
}

type OpenApi = {
  paths: Record<string, Record<string, Record<string, unknown>>>;
  components: { schemas: Components };
};

/** The document's operations joined to the route table (for roles, limits and the zod judges). */
export function operationsOf(document: OpenApi, table: readonly RouteDeclaration[]): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, spec] of Object.entries(methods)) {
      const route = table.find((entry) => entry.operationId === spec.operationId);
      if (!route || route.path !== path || route.method !== method.toUpperCase()) {
        throw new Error(
          `openapi.json has ${method} ${path} (${String(spec.operationId)}) the route table lacks`,
        );
      }
      const parameters = (spec.parameters ?? []) as {
        name: string;
        in: string;
        required: boolean;
        schema: JsonSchema;
      }[];
      const content = (spec.requestBody as { content?: Record<string, { schema: JsonSchema }> } | undefined)
        ?.content;
      const [contentType, media] = Object.entries(content ?? {})[0] ?? [];
      operations.push({
        route,
        pathParams: parameters.filter((p) => p.in === 'path'),
        queryParams: parameters.filter((p) => p.in === 'query'),
        ...(contentType && media ? { body: { contentType, schema: media.schema } } : {}),
      });
    }
  }
  return operations;
}

const readOnly = (route: RouteDeclaration) => route.method === 'GET' || route.operationId === 'precheckItem';
const entityParams = new Set([
  'unitId',
  'itemId',
  'attachmentId',
  'tokenId',
  'instructionId',
  'bulletinId',
  'commissionId',
]);

/**
 * A path segment the router keeps whole: never empty, never a dot segment, always well-formed UTF-16,
 * and short enough that the request line stays within what HTTP servers read (Node: 16 KB of head).
 */
const segmentSafe = (value: string) => {
  const text = value.toWellFormed().slice(0, 400);
  return text === '' || text === '.' || text === '..' ? `${text}x` : text;
};

/** Mostly a caller the route admits, so that most requests get past the role check to the input checks. */
function callers(route: RouteDeclaration): fc.Arbitrary<Caller> {
  const admitted = route.roles.flatMap((role): Caller[] =>
    role === 'reporter' ? ['reporter', 'other-reporter'] : [role],
  );
  return fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom<Caller>('none', 'blank', 'made-up', 'revoked') },
    {
      weight: 3,
      arbitrary: fc.constantFrom<Caller>(
        'admin',
        'editor',
        'leader',
        'reporter',
        'other-reporter',
        'unit-admin',
      ),
    },
    ...(admitted.length > 0 ? [{ weight: 5, arbitrary: fc.constantFrom(...admitted) }] : []),
  );
}

/** Authorization values that are certainly no valid token (no trailing space: the server would trim it). */
const madeUpAuthorization = (world: FuzzWorld) =>
  fc.oneof(
    fc
      .string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 10, maxLength: 80 })
      .map((hex) => `Bearer xb_${hex}`),
    fc.constantFrom(
      'Bearer',
      'Basic dXNlcjpwYXNzd29yZA==',
      `Bearer ${world.tokens.admin}x`,
      `bearer ${world.tokens.admin}`,
      `Bearer  ${world.tokens.editor}`,
      world.tokens.leader,
      `Bearer ${world.tokens.reporter.slice(0, -1)}`,
      `Bearer ${'A'.repeat(4000)}`,
      'Bearer é',
      'Bearer \u00ff\u00fe',
      'Bearer <script>',
      'Bearer null',
    ),
    fc
      .string({ unit: 'binary-ascii', minLength: 1, maxLength: 60 })
      .map((text) => text.replace(/[^\x21-\x7e]/g, 'x'))
      .map((text) => `Bearer ${text}`),
  );

function paramValue(name: string, schema: JsonSchema, world: FuzzWorld, components: Components) {
  const existing = world.ids[name] ?? [];
  const options: fc.WeightedArbitrary<string>[] = [
    { weight: 2, arbitrary: wellFormed(schema, components).map((value) => segmentSafe(String(value))) },
    { weight: 3, arbitrary: nastyString.map(segmentSafe) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '1',
        '0',
        '-1',
        '2026.5',
        '99999999999999999999',
        'it_',
        'null',
        'undefined',
      ),
    },
  ];
  if (existing.length > 0) options.push({ weight: 3, arbitrary: fc.constantFrom(...existing) });
  if (name === 'year')
    options.push({ weight: 3, arbitrary: fc.constantFrom('2026', '2025', '1999', '2101', '0202', '2026 ') });
  return fc.oneof(...options);
}

function queryPairs(operation: Operation, world: FuzzWorld, components: Components) {
  const value = (schema: JsonSchema) => wellFormed(schema, components).map((inner) => String(inner));
  const valid = fc
    .tuple(
      ...operation.queryParams.map((param) =>
        param.required
          ? value(param.schema).map((inner) => [[param.name, inner]])
          : fc
              .option(value(param.schema), { nil: undefined })
              .map((inner) => (inner === undefined ? [] : [[param.name, inner]])),
      ),
    )
    .map((lists) => lists.flat() as [string, string][]);
  const names = operation.queryParams.map((param) => param.name);
  const broken = fc
    .tuple(valid, fc.nat(), nastyString, fc.constantFrom('replace', 'stray', 'repeat', 'unitId'))
    .map(([pairs, pick, nasty, how]): [string, string][] => {
      const text = nasty.slice(0, 1000);
      const name = names.length > 0 ? (names[pick % names.length] as string) : 'q';
      if (how === 'stray' || names.length === 0) return [...pairs, [nasty.slice(0, 50) || 'x', text]];
      if (how === 'repeat') return [...pairs, [name, text], [name, 'again']];
      if (how === 'unitId')
        return [
          ...pairs.filter(([key]) => key !== 'unitId'),
          ['unitId', world.reporterUnit['other-reporter']],
        ];
      return [...pairs.filter(([key]) => key !== name), [name, text]];
    });
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant([] as [string, string][]) },
    { weight: 2, arbitrary: valid },
    { weight: 3, arbitrary: broken },
  );
}

const idempotencyKeys = fc.oneof(
  { weight: 3, arbitrary: fc.uuid().map((key) => ({ key, valid: true })) },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom('short', 'with space inside', `${'k'.repeat(129)}`, 'é'.repeat(10), '{}[]<>!!!!', '')
      .map((key) => ({ key, valid: false })),
  },
  { weight: 1, arbitrary: fc.constant({ key: undefined, valid: false }) },
);

/** One operation's requests. */
export function requestsFor(
  operation: Operation,
  world: FuzzWorld,
  components: Components,
): fc.Arbitrary<FuzzRequest> {
  const { route } = operation;
  const params = fc.tuple(
    ...operation.pathParams.map((param) =>
      paramValue(param.name, resolve(param.schema, components), world, components).map(
        (value) => [param.name, value] as const,
      ),
    ),
  );
  const body = operation.body
    ? route.body?.kind === 'csv'
      ? csvBody()
      : jsonBody(operation.body?.schema ?? {}, components)
    : noBody;
  return fc
    .record({
      caller: callers(route),
      madeUp: madeUpAuthorization(world),
      blank: fc.constantFrom('', '   '),
      params,
      query: queryPairs(operation, world, components),
      body,
      key: idempotencyKeys,
      forceWith: fc.constantFrom('made-up token', 'stray field'),
    })
    .map((draw) => {
      const build = (caller: Caller, drawnBody: DrawnBody) =>
        assemble(operation, world, { ...draw, caller, body: drawnBody });
      let request = build(draw.caller, draw.body);
      if (request.defects.length === 0 && !readOnly(route)) {
        // Could succeed and change the store: add a defect the generator is sure of.
        if (draw.forceWith === 'stray field' && draw.body.bytes && route.body?.kind === 'json') {
          const text = draw.body.bytes.toString('utf8');
          if (text.startsWith('{') && text !== '{}') {
            request = build(draw.caller, {
              ...draw.body,
              bytes: Buffer.from(`{"fuzzStray":1,${text.slice(1)}`),
            });
          }
        }
        if (request.defects.length === 0) request = build('made-up', draw.body);
      }
      return request;
    });
}

/**
 * Requests that pass every input check as far as the generator can make them: admitted callers,
 * existing ids, schema-valid bodies carrying hostile strings and extreme numbers where the schema
 * admits them. They reach the use cases and the store, so they may succeed and change it: the
 * fuzz run sends them after its store comparison.
 */
export function wellFormedRequestsFor(
  operation: Operation,
  world: FuzzWorld,
  components: Components,
): fc.Arbitrary<FuzzRequest> {
  const { route } = operation;
  const admitted = route.roles.flatMap((role): Caller[] =>
    role === 'reporter' ? ['reporter', 'other-reporter'] : [role],
  );
  const params = fc.tuple(
    ...operation.pathParams.map((param) => {
      const existing = world.ids[param.name] ?? [];
      const value =
        existing.length > 0
          ? fc.constantFrom(...existing)
          : param.name === 'year'
            ? fc.constantFrom('2025', '2026', '2027')
            : wellFormed(resolve(param.schema, components), components).map(String);
      return value.map((inner) => [param.name, inner] as const);
    }),
  );
  const schema = operation.body?.schema ?? {};
  const zod = route.body?.schema;
  const body: fc.Arbitrary<DrawnBody> =
    route.body?.kind === 'json'
      ? fc.tuple(wellFormed(schema, components), shapeKeepingMutation).map(([value, change]) => {
          const changed = mutate(value, change).value;
          const chosen = zod?.safeParse(changed).success ? changed : value;
          return {
            bytes: Buffer.from(jsonText(chosen)),
            contentType: 'application/json',
            note: chosen === value ? 'well-formed body' : 'well-formed body, hostile values',
          };
        })
      : route.body?.kind === 'csv'
        ? csvBody()
        : fc.constant({ note: 'no body' });
  const valid = fc
    .tuple(
      ...operation.queryParams.map(
        (param) =>
          (param.required
            ? wellFormed(param.schema, components).map((inner) => [[param.name, String(inner)]])
            : fc.constant([])) as fc.Arbitrary<[string, string][]>,
      ),
    )
    .map((lists) => lists.flat());
  return fc
    .record({
      caller: admitted.length > 0 ? fc.constantFrom(...admitted) : fc.constant<Caller>('none'),
      params,
      query: valid,
      body,
      key: fc.uuid().map((key) => ({ key, valid: true })),
    })
    .map((draw) => assemble(operation, world, { ...draw, madeUp: '', blank: '' }));
}

function assemble(
  operation: Operation,
  world: FuzzWorld,
  draw: {
    caller: Caller;
    madeUp: string;
    blank: string;
    params: (readonly [string, string])[];
    query: [string, string][];
    body: DrawnBody;
    key: { key: string | undefined; valid: boolean };
  },
): FuzzRequest {
  const { route } = operation;
  const defects: string[] = [];
  const notes: string[] = [draw.body.note];
  const headers: Record<string, string> = {};
  const { caller } = draw;

  let gatewayRefuses = false;
  if (caller === 'none') gatewayRefuses = true;
  else if (caller === 'blank') {
    headers.authorization = draw.blank;
    gatewayRefuses = true;
  } else if (caller === 'made-up') headers.authorization = draw.madeUp;
  else headers.authorization = `Bearer ${world.tokens[caller]}`;
  if (route.auth === 'bearer') {
    if (caller === 'none' || caller === 'blank') defects.push('no token');
    else if (caller === 'made-up') defects.push('made-up token');
    else if (caller === 'revoked') defects.push('revoked token');
    else if (!route.roles.includes(caller === 'other-reporter' ? 'reporter' : caller))
      defects.push('role not allowed');
  } else gatewayRefuses = false;

  const params = Object.fromEntries(draw.params);
  let path = route.path;
  for (const [name, value] of draw.params) path = path.replace(`{${name}}`, encodeURIComponent(value));
  if (route.params && !route.params.safeParse(params).success) defects.push('malformed id');
  else if (!readOnly(route)) {
    for (const [name, value] of draw.params) {
      if (!entityParams.has(name)) continue;
      if (!(world.ids[name] ?? []).includes(value)) defects.push(`no such ${name}`);
      else if (
        (caller === 'reporter' || caller === 'other-reporter' || caller === 'unit-admin') &&
        route.unitScoped &&
        world.unitOf[value] !== world.reporterUnit[caller]
      ) {
        defects.push(`another unit's ${name}`);
      }
    }
  }

  let rawQuery = new URLSearchParams(draw.query).toString();
  if (rawQuery.length > 4000) {
    rawQuery = new URLSearchParams(
      draw.query.map(([key, value]): [string, string] => [key.slice(0, 50), value.slice(0, 100)]),
    ).toString();
  }
  if (rawQuery) path += `?${rawQuery}`;
  if (route.query && !route.query.safeParse(readQuery(rawQuery) ?? {}).success)
    defects.push('query against the schema');

  const bodyProblem = bodyDefect(route, draw.body);
  if (bodyProblem) defects.push(bodyProblem);
  if (draw.body.contentType) headers['content-type'] = draw.body.contentType;

  if (route.idempotent) {
    if (draw.key.key !== undefined) headers['idempotency-key'] = draw.key.key;
    if (!draw.key.valid) defects.push('no valid Idempotency-Key');
  }

  return {
    operationId: route.operationId,
    method: route.method,
    path,
    headers,
    ...(draw.body.bytes ? { body: draw.body.bytes } : {}),
    caller,
    defects,
    gatewayRefuses: gatewayRefuses && route.auth === 'bearer',
    notes,
  };
}
