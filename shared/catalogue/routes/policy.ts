/** The routes of the `policy` function (see shared/catalogue/routes.ts for the whole table). */

import { emptyQuery } from '../../schemas/common';
import { policyParams, policyQuery, scoringPolicyBody, storedPolicy } from '../../schemas/policy';
import { replayAudit, replayList, replayQuery } from '../../schemas/replay';
import { jsonBody, type RouteDeclaration, staff } from '../route-declaration';

export const policyRoutes = [
  {
    operationId: 'getPolicy',
    method: 'GET',
    path: '/policy/{year}',
    function: 'policy',
    auth: 'bearer',
    roles: staff,
    summary: '查看某年考核办法（最新版本；未保存过时为默认办法，版本 0；?version=N 查看历史版本）',
    tag: '考核',
    params: policyParams,
    query: policyQuery,
    response: storedPolicy,
    successStatus: 200,
  },
  {
    operationId: 'putPolicy',
    method: 'PUT',
    path: '/policy/{year}',
    function: 'policy',
    auth: 'bearer',
    roles: ['admin'],
    summary: '保存某年考核办法（生成新版本，旧版本保留可查）',
    tag: '考核',
    params: policyParams,
    query: emptyQuery,
    body: jsonBody(scoringPolicyBody),
    response: storedPolicy,
    successStatus: 200,
  },
  {
    operationId: 'replayPolicy',
    method: 'POST',
    path: '/policy/{year}/replay',
    function: 'policy',
    auth: 'bearer',
    roles: ['admin'],
    summary:
      '按当年现行考核办法重算全年积分明细与得分（确定性：再次重算不产生变化；留存重算记录；?dryRun=true 只预览各单位变化）',
    tag: '考核',
    params: policyParams,
    query: replayQuery,
    response: replayAudit,
    successStatus: 200,
  },
  {
    operationId: 'listPolicyReplays',
    method: 'GET',
    path: '/policy/{year}/replays',
    function: 'policy',
    auth: 'bearer',
    roles: staff,
    summary: '查看某年的重算记录（执行人、时间、所用办法版本、明细条数、各单位积分变化），新的在前',
    tag: '考核',
    params: policyParams,
    query: emptyQuery,
    response: replayList,
    successStatus: 200,
  },
] as const satisfies readonly RouteDeclaration[];
