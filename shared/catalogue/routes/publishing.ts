/** The routes of the `publishing` function (see shared/catalogue/routes.ts for the whole table). */

import { bulletin, bulletinParams, docxLink, publishBody, withdrawBody } from '../../schemas/bulletins';
import { emptyQuery } from '../../schemas/common';
import { rateLimits } from '../rate-limits';
import { jsonBody, type RouteDeclaration, staff } from '../route-declaration';

export const publishingRoutes = [
  {
    operationId: 'publishBulletin',
    method: 'POST',
    path: '/bulletins/{bulletinId}/publish',
    function: 'publishing',
    auth: 'bearer',
    roles: ['editor'],
    summary: '发布：分配第N期、总第N期，稿件记为采用，生成 Word 和网页',
    tag: '期刊',
    params: bulletinParams,
    query: emptyQuery,
    body: jsonBody(publishBody),
    response: bulletin,
    successStatus: 200,
  },
  {
    operationId: 'withdrawBulletin',
    method: 'POST',
    path: '/bulletins/{bulletinId}/withdraw',
    function: 'publishing',
    auth: 'bearer',
    roles: ['editor'],
    summary: '撤回已发布的一期（保留期号，从公开网站撤下）',
    tag: '期刊',
    params: bulletinParams,
    query: emptyQuery,
    body: jsonBody(withdrawBody),
    response: bulletin,
    successStatus: 200,
  },
  {
    operationId: 'getBulletinDocx',
    method: 'GET',
    path: '/bulletins/{bulletinId}/docx',
    function: 'publishing',
    auth: 'bearer',
    roles: staff,
    summary: 'Word 文件下载地址（预签名，15 分钟内有效）',
    tag: '期刊',
    params: bulletinParams,
    query: emptyQuery,
    response: docxLink,
    successStatus: 200,
    rateLimit: rateLimits.download,
  },
] as const satisfies readonly RouteDeclaration[];
