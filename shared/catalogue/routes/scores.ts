/** The routes of the `scores` function (see shared/catalogue/routes.ts for the whole table). */

import { emptyQuery } from '../../schemas/common';
import {
  annualStatistics,
  ledgerQuery,
  overdueReport,
  rankingQuery,
  rankings,
  statisticsParams,
  unitLedger,
} from '../../schemas/rankings';
import { unitParams } from '../../schemas/units';
import { rateLimits } from '../rate-limits';
import { everyone, type RouteDeclaration, staff } from '../route-declaration';

export const scoresRoutes = [
  {
    operationId: 'getRankings',
    method: 'GET',
    path: '/rankings',
    function: 'scores',
    auth: 'bearer',
    roles: staff,
    summary: '排名：按月、季、年和单位类别（JSON、CSV、XLSX）',
    tag: '考核',
    query: rankingQuery,
    response: rankings,
    successStatus: 200,
    rateLimit: rateLimits.download,
  },
  {
    operationId: 'getUnitLedger',
    method: 'GET',
    path: '/units/{unitId}/ledger',
    function: 'scores',
    auth: 'bearer',
    roles: everyone,
    summary: '积分明细：单位每一分的来历（信息员只能看本单位）',
    tag: '考核',
    params: unitParams,
    query: ledgerQuery,
    response: unitLedger,
    successStatus: 200,
    unitScoped: true,
  },
  {
    operationId: 'getOverdueReport',
    method: 'GET',
    path: '/reports/overdue',
    function: 'scores',
    auth: 'bearer',
    roles: staff,
    summary: '督办：长期未报送、低于本月任务进度、今年零采用、约稿逾期的单位（红黄绿）',
    tag: '考核',
    query: emptyQuery,
    response: overdueReport,
    successStatus: 200,
  },
  {
    operationId: 'getStatistics',
    method: 'GET',
    path: '/statistics/{year}',
    function: 'scores',
    auth: 'bearer',
    roles: staff,
    summary: '年度统计：收到信息、编发期数、刊登条数、上级采用（按刊物）、批示（按级别），全市与各单位',
    tag: '考核',
    params: statisticsParams,
    query: emptyQuery,
    response: annualStatistics,
    successStatus: 200,
  },
] as const satisfies readonly RouteDeclaration[];
