/** The routes of the `system` function (see shared/catalogue/routes.ts for the whole table). */

import { emptyQuery } from '../../schemas/common';
import { health, openApiDocument } from '../../schemas/system';
import type { RouteDeclaration } from '../route-declaration';

export const systemRoutes = [
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
] as const satisfies readonly RouteDeclaration[];
