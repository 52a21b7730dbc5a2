/**
 * The route table, declared once. The CDK app turns each entry into an HTTP API route, the
 * local gateway matches requests against the same entries, the OpenAPI document is generated
 * from them, and the HTTP middleware enforces their roles and body limits.
 */
import type { z } from 'zod';
import type { Role } from '../domain/roles';
import { emptyQuery } from '../schemas/common';
import { health, openApiDocument } from '../schemas/system';
import {
  tokenIssue,
  tokenIssued,
  tokenList,
  tokenListQuery,
  tokenParams,
  tokenSummary,
  whoAmI,
} from '../schemas/tokens';
import {
  deactivateBody,
  importReport,
  unit,
  unitCreate,
  unitList,
  unitListQuery,
  unitParams,
  unitUpdate,
} from '../schemas/units';
import type { FunctionName } from './functions';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type BodyKind = 'json' | 'csv';

export interface RouteDeclaration {
  operationId: string;
  method: HttpMethod;
  /** HTTP API path syntax: `/units/{unitId}`. */
  path: string;
  function: FunctionName;
  /** `public` routes skip the authorizer; `bearer` routes need a token of one of `roles`. */
  auth: 'public' | 'bearer';
  roles: readonly Role[];
  summary: string;
  tag: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: { kind: BodyKind; schema?: z.ZodType; maxBytes: number };
  response: z.ZodType;
  successStatus: 200 | 201;
  /** Reporter may only touch resources of their own unit; checked in the use case (→ 404). */
  unitScoped?: boolean;
}

const staff: readonly Role[] = ['admin', 'editor', 'leader'];
const everyone: readonly Role[] = ['admin', 'editor', 'leader', 'reporter'];
const jsonBody = <S extends z.ZodType>(schema: S, maxBytes = 64 * 1024) => ({
  kind: 'json' as const,
  schema,
  maxBytes,
});

export const routes = [
  {
    operationId: 'getHealth',
    method: 'GET',
    path: '/health',
    function: 'system',
    auth: 'public',
    roles: [],
    summary: '健康检查',
    tag: '系统',
    query: emptyQuery,
    response: health,
    successStatus: 200,
  },
  {
    operationId: 'getOpenApi',
    method: 'GET',
    path: '/openapi.json',
    function: 'system',
    auth: 'public',
    roles: [],
    summary: 'OpenAPI 3.1 接口文档（由 zod 模式生成）',
    tag: '系统',
    query: emptyQuery,
    response: openApiDocument,
    successStatus: 200,
  },
  {
    operationId: 'listUnits',
    method: 'GET',
    path: '/units',
    function: 'units',
    auth: 'bearer',
    roles: staff,
    summary: '列出报送单位',
    tag: '报送单位',
    query: unitListQuery,
    response: unitList,
    successStatus: 200,
  },
  {
    operationId: 'createUnit',
    method: 'POST',
    path: '/units',
    function: 'units',
    auth: 'bearer',
    roles: ['admin'],
    summary: '新建报送单位',
    tag: '报送单位',
    query: emptyQuery,
    body: jsonBody(unitCreate),
    response: unit,
    successStatus: 201,
  },
  {
    operationId: 'importUnits',
    method: 'POST',
    path: '/units/import',
    function: 'units',
    auth: 'bearer',
    roles: ['admin'],
    summary: '从 CSV 导入报送单位（好行导入，坏行逐行报告）',
    tag: '报送单位',
    query: emptyQuery,
    body: { kind: 'csv', maxBytes: 1024 * 1024 },
    response: importReport,
    successStatus: 200,
  },
  {
    operationId: 'getUnit',
    method: 'GET',
    path: '/units/{unitId}',
    function: 'units',
    auth: 'bearer',
    roles: everyone,
    summary: '查看报送单位（信息员只能查看本单位）',
    tag: '报送单位',
    params: unitParams,
    query: emptyQuery,
    response: unit,
    successStatus: 200,
    unitScoped: true,
  },
  {
    operationId: 'updateUnit',
    method: 'PATCH',
    path: '/units/{unitId}',
    function: 'units',
    auth: 'bearer',
    roles: ['admin'],
    summary: '修改报送单位（需带版本号）',
    tag: '报送单位',
    params: unitParams,
    query: emptyQuery,
    body: jsonBody(unitUpdate),
    response: unit,
    successStatus: 200,
  },
  {
    operationId: 'deactivateUnit',
    method: 'POST',
    path: '/units/{unitId}/deactivate',
    function: 'units',
    auth: 'bearer',
    roles: ['admin'],
    summary: '停用报送单位（不删除任何数据）',
    tag: '报送单位',
    params: unitParams,
    query: emptyQuery,
    body: jsonBody(deactivateBody),
    response: unit,
    successStatus: 200,
  },
  {
    operationId: 'whoAmI',
    method: 'GET',
    path: '/me',
    function: 'tokens',
    auth: 'bearer',
    roles: everyone,
    summary: '当前令牌的身份',
    tag: '令牌',
    query: emptyQuery,
    response: whoAmI,
    successStatus: 200,
  },
  {
    operationId: 'listTokens',
    method: 'GET',
    path: '/tokens',
    function: 'tokens',
    auth: 'bearer',
    roles: ['admin'],
    summary: '列出令牌（不含令牌明文）',
    tag: '令牌',
    query: tokenListQuery,
    response: tokenList,
    successStatus: 200,
  },
  {
    operationId: 'issueToken',
    method: 'POST',
    path: '/tokens',
    function: 'tokens',
    auth: 'bearer',
    roles: ['admin'],
    summary: '签发令牌（明文只返回一次，只保存其 SHA-256）',
    tag: '令牌',
    query: emptyQuery,
    body: jsonBody(tokenIssue),
    response: tokenIssued,
    successStatus: 201,
  },
  {
    operationId: 'revokeToken',
    method: 'POST',
    path: '/tokens/{tokenId}/revoke',
    function: 'tokens',
    auth: 'bearer',
    roles: ['admin'],
    summary: '吊销令牌',
    tag: '令牌',
    params: tokenParams,
    query: emptyQuery,
    response: tokenSummary,
    successStatus: 200,
  },
] as const satisfies readonly RouteDeclaration[];

export type OperationId = (typeof routes)[number]['operationId'];

/** API Gateway's route key, `GET /units/{unitId}`: the join between gateway events and this table. */
export function routeKey(route: Pick<RouteDeclaration, 'method' | 'path'>): string {
  return `${route.method} ${route.path}`;
}

export function routesOf(fn: FunctionName): RouteDeclaration[] {
  return (routes as readonly RouteDeclaration[]).filter((route) => route.function === fn);
}

/** The authorizer's cache TTL: a revoked token stops working within this many seconds. */
export const authorizerCacheTtlSeconds = 10;
