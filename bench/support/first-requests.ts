/**
 * The first request each function serves in the cold-load bench: API Gateway payload 2.0 events
 * built by the local gateway's own event builder, the REQUEST authorizer event, a scheduled job
 * event, or the payload of a direct invoke (the Word renderer's); each does the work a real first
 * request would.
 */

import { schedules } from '../../events/schedules';
import type { DemoTokens } from '../../infra/local/demo/tokens-file';
import {
  authorizerEvent,
  httpEvent,
  type IncomingRequest,
  newRequestId,
} from '../../infra/local/gateway/event';
import type { RouteMatch } from '../../infra/local/gateway/router';
import { localFunctionName } from '../../infra/local/lambda/context';
import { type FunctionName, functions } from '../../shared/catalogue/functions';
import { routeKey, routesOf } from '../../shared/catalogue/routes';
import { bulletinItem, publishedBulletin } from '../../test/fixtures/bulletins';

export type TokenRole = 'admin' | 'editor' | 'reporter';

interface HttpRequestPlan {
  kind: 'http';
  method: string;
  /** The route as declared, e.g. `/items/{itemId}`; `path` is the concrete one. */
  route: string;
  path: string;
  query?: string;
  role?: TokenRole;
  body?: unknown;
}

export type RequestPlan =
  | HttpRequestPlan
  | { kind: 'authorizer'; role: TokenRole }
  | { kind: 'job'; job: string }
  /** A function another one invokes directly (not through the gateway or the scheduler). */
  | { kind: 'invoke'; event: unknown };

/** Well-formed ids that exist nowhere: such requests authorise and read the store, then answer 404. */
const absentItem = 'it_0benchabsent0000000000';
const absentAttachment = 'at_0benchabsent0000000000';
const absentBulletin = 'bl_0benchabsent0000000000';

/** Which request each function serves first. */
export const firstRequests: Partial<Record<FunctionName, RequestPlan>> = {
  authorizer: { kind: 'authorizer', role: 'editor' },
  system: { kind: 'http', method: 'GET', route: '/health', path: '/health' },
  units: { kind: 'http', method: 'GET', route: '/units', path: '/units', role: 'admin' },
  tokens: { kind: 'http', method: 'GET', route: '/me', path: '/me', role: 'reporter' },
  items: { kind: 'http', method: 'GET', route: '/items', path: '/items', role: 'editor' },
  review: {
    kind: 'http',
    method: 'POST',
    route: '/items/{itemId}/decision',
    path: `/items/${absentItem}/decision`,
    role: 'editor',
    body: { decision: 'candidate', version: 1 },
  },
  attachments: {
    kind: 'http',
    method: 'GET',
    route: '/items/{itemId}/attachments/{attachmentId}',
    path: `/items/${absentItem}/attachments/${absentAttachment}`,
    role: 'editor',
  },
  settings: {
    kind: 'http',
    method: 'GET',
    route: '/settings/duty-recipients',
    path: '/settings/duty-recipients',
    role: 'admin',
  },
  commissions: { kind: 'http', method: 'GET', route: '/commissions', path: '/commissions', role: 'editor' },
  bulletins: { kind: 'http', method: 'GET', route: '/bulletins', path: '/bulletins', role: 'editor' },
  // The Word link of an issue that does not exist: reads the store, answers 404 (the Word path
  // itself, a publish, is weighed separately in the memory rows).
  publishing: {
    kind: 'http',
    method: 'GET',
    route: '/bulletins/{bulletinId}/docx',
    path: `/bulletins/${absentBulletin}/docx`,
    role: 'editor',
  },
  // What publishing asks while an editor publishes: an issue of six items, internal ones included.
  'word-renderer': {
    kind: 'invoke',
    event: {
      kind: 'bulletin-docx',
      bulletin: publishedBulletin({
        items: Array.from({ length: 6 }, (_, index) =>
          bulletinItem({
            itemId: `it_bench${index}`,
            title: `第${index + 1}篇：推动营商环境持续优化的做法和成效`,
            body: Array.from({ length: 5 }, () =>
              '围绕企业办事堵点，推行“一窗受理、集成服务”，审批时限压缩一半以上。'.repeat(6),
            ).join('\n'),
            openness: index % 3 === 2 ? 'internal' : 'public',
          }),
        ),
        distribution: { report: ['省政府办公厅'], send: ['市委办公室'], issue: ['各县市区人民政府'] },
      }),
      officeName: '市人民政府办公室',
      includeInternal: true,
    },
  },
  policy: { kind: 'http', method: 'GET', route: '/policy/{year}', path: '/policy/2026', role: 'editor' },
  facts: {
    kind: 'http',
    method: 'GET',
    route: '/items/{itemId}/facts',
    path: `/items/${absentItem}/facts`,
    role: 'editor',
  },
  scores: {
    kind: 'http',
    method: 'GET',
    route: '/rankings',
    path: '/rankings',
    query: 'period=2026-10',
    role: 'editor',
  },
  // Scheduled functions get their declared job event. A mailing job mails on its first run only
  // (once per address and period); later runs find it done, which the median shrugs off.
  ...Object.fromEntries(
    schedules.map((schedule) => [schedule.function, { kind: 'job' as const, job: schedule.job }]),
  ),
};

const tokenOf = (tokens: DemoTokens, role: TokenRole) =>
  ({ admin: tokens.ADMIN_TOKEN, editor: tokens.EDITOR_TOKEN, reporter: tokens.REPORTER_TOKEN })[role];

/** What the child process needs besides the event; it adds `getRemainingTimeInMillis`. */
export function lambdaContextFields(name: FunctionName, requestId: string) {
  const functionName = localFunctionName(name);
  return {
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:us-east-1:000000000000:function:${functionName}`,
    memoryLimitInMB: String(functions[name].memoryMb),
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: `bench/[$LATEST]${requestId}`,
    timeoutMs: functions[name].timeoutSeconds * 1000,
  };
}

function incoming(plan: { method: string; path: string; query?: string }, headers: string[], body: Buffer) {
  const request: IncomingRequest = {
    method: plan.method,
    rawPath: plan.path,
    rawQueryString: plan.query ?? '',
    rawHeaders: ['host', 'localhost:3000', 'user-agent', 'xinbao-bench', ...headers],
    body,
    sourceIp: '127.0.0.1',
    localPort: 3000,
    protocol: 'HTTP/1.1',
  };
  return request;
}

function routeMatch(name: FunctionName, plan: HttpRequestPlan): RouteMatch {
  const route = routesOf(name).find((entry) => entry.method === plan.method && entry.path === plan.route);
  if (!route) throw new Error(`${name} has no route ${plan.method} ${plan.route}`);
  const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '');
  const values = plan.path.split('/').filter((_, index) => route.path.split('/')[index]?.startsWith('{'));
  const pathParameters = Object.fromEntries(names.map((param, index) => [param, values[index] ?? '']));
  return { route, routeKey: routeKey(route), ...(names.length > 0 ? { pathParameters } : {}) };
}

/**
 * The event for `name`'s first request. `authorizerContexts` holds what the authorizer answered
 * for each role's token, exactly what the gateway would attach to the event.
 */
export function firstEvent(
  name: FunctionName,
  tokens: DemoTokens,
  authorizerContexts: Partial<Record<TokenRole, unknown>>,
): unknown {
  const plan = firstRequests[name];
  if (!plan) throw new Error(`no first request planned for ${name}`);
  return eventOf(name, plan, tokens, authorizerContexts);
}

/** A path that makes a file, measured for memory besides each function's first request. */
export interface FilePath {
  label: string;
  function: FunctionName;
  plan: RequestPlan;
}

/** The paths that render Word or Excel: their peak RSS must stay within the goal too. */
export const filePaths: readonly FilePath[] = [
  {
    label: 'scores: XLSX rankings',
    function: 'scores',
    plan: {
      kind: 'http',
      method: 'GET',
      route: '/rankings',
      path: '/rankings',
      query: 'period=2026-10&format=xlsx',
      role: 'editor',
    },
  },
];

/** The event of one planned request to `name` (see `firstEvent`). */
export function eventOf(
  name: FunctionName,
  plan: RequestPlan,
  tokens: DemoTokens,
  authorizerContexts: Partial<Record<TokenRole, unknown>>,
): unknown {
  const requestId = newRequestId();
  const epochMs = Date.now();
  if (plan.kind === 'job') {
    return { job: plan.job, scheduledTime: new Date(epochMs).toISOString() };
  }
  if (plan.kind === 'authorizer') return authorizerEventFor(tokens, plan.role);
  if (plan.kind === 'invoke') return plan.event;
  const body = plan.body === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(plan.body));
  const headers = [
    ...(plan.role ? ['authorization', `Bearer ${tokenOf(tokens, plan.role)}`] : []),
    ...(plan.body === undefined ? [] : ['content-type', 'application/json']),
  ];
  const request = incoming(plan, headers, body);
  const authorizer = plan.role ? authorizerContexts[plan.role] : undefined;
  if (plan.role && authorizer === undefined) throw new Error(`no authorizer context for ${plan.role}`);
  return httpEvent({ request, match: routeMatch(name, plan), requestId, epochMs }, authorizer);
}

/** The authorizer event for a role's token (to learn the context the gateway attaches). */
export function authorizerEventFor(tokens: DemoTokens, role: TokenRole): unknown {
  const identity = `Bearer ${tokenOf(tokens, role)}`;
  const request = incoming({ method: 'GET', path: '/me' }, ['authorization', identity], Buffer.alloc(0));
  const match = routeMatch('tokens', { kind: 'http', method: 'GET', route: '/me', path: '/me' });
  return authorizerEvent({ request, match, requestId: newRequestId(), epochMs: Date.now() }, identity);
}
