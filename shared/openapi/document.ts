import * as z from 'zod/mini';
import { type RouteDeclaration, routes } from '../catalogue/routes';
import { errorBody } from '../schemas/common';

type JsonSchema = Record<string, unknown>;

const refPrefix = '#/components/schemas/';

function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [
        key,
        key === '$ref' && typeof inner === 'string'
          ? inner.replace('#/$defs/', refPrefix)
          : rewriteRefs(inner),
      ]),
    );
  }
  return value;
}

/** zod → JSON Schema 2020-12 (what OpenAPI 3.1 uses); named schemas are hoisted into components. */
function convert(
  schema: z.ZodMiniType,
  io: 'input' | 'output',
  components: Record<string, JsonSchema>,
): JsonSchema {
  const {
    $schema: _ignored,
    $defs,
    ...rest
  } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  for (const [id, definition] of Object.entries(($defs ?? {}) as Record<string, JsonSchema>)) {
    components[id] = rewriteRefs(definition) as JsonSchema;
  }
  return rewriteRefs(rest) as JsonSchema;
}

function parameters(route: RouteDeclaration, components: Record<string, JsonSchema>) {
  const result: JsonSchema[] = [];
  for (const [location, schema] of [
    ['path', route.params],
    ['query', route.query],
  ] as const) {
    if (!schema) continue;
    const json = convert(schema, 'input', components);
    const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set((json.required ?? []) as string[]);
    for (const [name, property] of Object.entries(properties)) {
      result.push({
        name,
        in: location,
        required: location === 'path' || required.has(name),
        schema: property,
        ...(typeof property.description === 'string' ? { description: property.description } : {}),
      });
    }
  }
  if (route.idempotent) {
    result.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: true,
      schema: { type: 'string', pattern: '^[A-Za-z0-9_\\-:.]{8,128}$' },
      description: '每次新报送用一个新值（如 UUID）；网络重试时用同一个值，只会保存一篇',
    });
  }
  return result;
}

const errorStatuses: Record<string, string> = {
  '400': '请求格式或字段不正确',
  '401': '令牌无效、缺失或已吊销',
  '403': '角色无权执行此操作',
  '404': '资源不存在（或不属于本单位）',
  '409': '版本冲突或重复',
  '413': '请求正文过大',
  '415': '请求正文类型不对',
  '422': '内容无法处理（如含涉密标志：SECRECY_REFUSED，不保存任何内容）',
};

function operation(route: RouteDeclaration, components: Record<string, JsonSchema>) {
  const errorRef = { $ref: `${refPrefix}Error` };
  const responses: Record<string, unknown> = {
    [String(route.successStatus)]: {
      description: '成功',
      content: { 'application/json': { schema: convert(route.response, 'output', components) } },
    },
  };
  for (const [status, description] of Object.entries(errorStatuses)) {
    if (route.auth === 'public' && ['401', '403'].includes(status)) continue;
    responses[status] = { description, content: { 'application/json': { schema: errorRef } } };
  }
  if (route.rateLimit) {
    responses['429'] = {
      description: `请求过于频繁：每个令牌每 ${route.rateLimit.windowSeconds} 秒最多 ${route.rateLimit.limit} 次`,
      headers: {
        'Retry-After': { description: '多少秒后可以重试', schema: { type: 'integer', minimum: 1 } },
      },
      content: { 'application/json': { schema: errorRef } },
    };
  }
  const body = route.body;
  return {
    operationId: route.operationId,
    summary: route.summary,
    tags: [route.tag],
    ...(route.auth === 'bearer'
      ? { security: [{ bearer: [] }], description: `允许的角色：${route.roles.join(', ')}` }
      : { security: [] }),
    parameters: parameters(route, components),
    ...(body
      ? {
          requestBody: {
            required: true,
            content:
              body.kind === 'csv'
                ? {
                    'text/csv': {
                      schema: {
                        type: 'string',
                        description: '表头：编号,名称,类别,信息员,电话,邮箱,负责人邮箱',
                      },
                    },
                  }
                : {
                    'application/json': {
                      schema: body.schema ? convert(body.schema, 'input', components) : {},
                    },
                  },
          },
        }
      : {}),
    responses,
  };
}

/** The OpenAPI 3.1 document, generated from the route table and its zod schemas. */
export function openApiDocument(version: string) {
  const components: Record<string, JsonSchema> = {};
  convert(errorBody, 'output', components);
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes as readonly RouteDeclaration[]) {
    const entry = paths[route.path] ?? {};
    entry[route.method.toLowerCase()] = operation(route, components);
    paths[route.path] = entry;
  }
  return {
    openapi: '3.1.0',
    info: { title: '信报 · 政务信息报送与考核 API', version },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: components,
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: '管理员签发的令牌' } },
    },
  };
}
