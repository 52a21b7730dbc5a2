/** The routes of the `review` function (see shared/catalogue/routes.ts for the whole table). */

import { emptyQuery } from '../../schemas/common';
import { decisionBody, editBody, item, itemParams, mergeBody } from '../../schemas/items';
import { jsonBody, type RouteDeclaration } from '../route-declaration';

export const reviewRoutes = [
  {
    operationId: 'decideItem',
    method: 'POST',
    path: '/items/{itemId}/decision',
    function: 'review',
    auth: 'bearer',
    roles: ['editor'],
    summary: '处理稿件：拟采用、备用、退回修改（须填意见）、退稿',
    tag: '编辑处理',
    params: itemParams,
    query: emptyQuery,
    body: jsonBody(decisionBody),
    response: item,
    successStatus: 200,
  },
  {
    operationId: 'editItem',
    method: 'PUT',
    path: '/items/{itemId}/edit',
    function: 'review',
    auth: 'bearer',
    roles: ['editor'],
    summary: '编辑修改稿（单位原稿保持不变）',
    tag: '编辑处理',
    params: itemParams,
    query: emptyQuery,
    body: jsonBody(editBody, 128 * 1024),
    response: item,
    successStatus: 200,
  },
  {
    operationId: 'mergeItems',
    method: 'POST',
    path: '/items/merge',
    function: 'review',
    auth: 'bearer',
    roles: ['editor'],
    summary: '把多篇稿件合并为一篇综合信息（各单位共同署名）',
    tag: '编辑处理',
    query: emptyQuery,
    body: jsonBody(mergeBody, 128 * 1024),
    response: item,
    successStatus: 201,
  },
] as const satisfies readonly RouteDeclaration[];
