import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import type * as z from 'zod/mini';
import { type RouteDeclaration, routeKey } from '../catalogue/route-declaration';
import type { Principal } from '../domain/roles';
import { ForbiddenError, NotFoundError, UnauthorizedError } from '../errors';
import type { RateCounter } from '../store/ports';
import { type AuthorizerContext, principalFrom, type TokenStatus } from './auth-context';
import type { CallerRecheck } from './caller-check';
import { injectLambdaContext, logger } from './logger';
import { accessLog, errorResponses, responseHeaders } from './middleware';
import { rateLimiter } from './rate-limit';
import { readBody, readIdempotencyKey, readParams, readQuery } from './request';
import { HttpReply, jsonResponse } from './responses';

/** A function's own route list (shared/catalogue/routes/<function>.ts). */
type RouteList = readonly RouteDeclaration[];
type RouteOf<R extends RouteList, Op> = Extract<R[number], { operationId: Op }>;
type Output<S> = S extends z.ZodMiniType ? z.output<S> : Record<string, never>;

export interface OperationInput<R extends RouteList, Op> {
  principal: RouteOf<R, Op> extends { auth: 'bearer' } ? Principal : Principal | undefined;
  params: RouteOf<R, Op> extends { params: infer P } ? Output<P> : Record<string, never>;
  query: RouteOf<R, Op> extends { query: infer Q } ? Output<Q> : Record<string, never>;
  body: RouteOf<R, Op> extends { body: { schema: infer B } }
    ? Output<B>
    : RouteOf<R, Op> extends { body: object }
      ? string
      : undefined;
  /** The `Idempotency-Key` header, on routes declared idempotent. */
  idempotencyKey: RouteOf<R, Op> extends { idempotent: true } ? string : undefined;
  requestId: string;
  /** The Lambda context, for libraries that budget their work by the time left. */
  context: Context;
}

export type Operations<R extends RouteList> = {
  [Op in R[number]['operationId']]: (input: OperationInput<R, Op>) => Promise<unknown>;
};

type HttpEvent = APIGatewayProxyEventV2 & {
  requestContext: { authorizer?: { lambda?: Partial<AuthorizerContext> } };
};

/**
 * Why a caller is refused, by the authorizer's status: 401 for who the caller is not; 403 for a
 * person known and signed in whose account must first bind TOTP. `active` reaches here only when
 * malformed.
 */
const refusals = {
  invalid: { code: 'TOKEN_INVALID', message: '令牌无效或缺失，请检查 Authorization 请求头' },
  active: { code: 'TOKEN_INVALID', message: '令牌无效或缺失，请检查 Authorization 请求头' },
  revoked: { code: 'TOKEN_REVOKED', message: '令牌已被吊销，请联系系统管理员重新签发' },
  expired: { code: 'TOKEN_EXPIRED', message: '登录已过期，请重新登录' },
  inactive: { code: 'ACCOUNT_DISABLED', message: '账号已停用，请联系单位管理员或系统管理员' },
  'mfa-required': {
    code: 'MFA_REQUIRED',
    message: '管理员和编辑账号须先绑定动态口令（TOTP）',
    forbidden: true,
  },
} satisfies Record<TokenStatus, { code: string; message: string; forbidden?: true }>;

function authenticate(event: HttpEvent, route: RouteDeclaration): Principal | undefined {
  if (route.auth === 'public') return undefined;
  const context = event.requestContext.authorizer?.lambda;
  const principal = context?.status ? principalFrom(context as AuthorizerContext) : undefined;
  if (!principal) {
    const refusal: { code: string; message: string; forbidden?: true } =
      refusals[context?.status as TokenStatus] ?? refusals.invalid;
    if (refusal.forbidden) throw new ForbiddenError(refusal.code, refusal.message);
    throw new UnauthorizedError(refusal.code, refusal.message);
  }
  if (!route.roles.includes(principal.role)) {
    throw new ForbiddenError('ROLE_NOT_ALLOWED', '当前角色无权执行此操作');
  }
  return principal;
}

export interface HttpFunctionOptions {
  /** Per-caller request counts; by default rows in the one table (read from the environment). */
  rateCounter?: RateCounter;
  /**
   * How `recheckCaller` routes re-read their caller (`callerRecheck()`, shared/http/caller-check.ts).
   * Given only by the functions whose routes declare it (units, tokens, people), so that the
   * token and person stores stay out of every other bundle; a function with such a route and no
   * recheck refuses to build.
   */
  recheck?: CallerRecheck;
  now?: () => Date;
}

/**
 * Builds a function's Lambda handler from its operations. The route table decides who may
 * call what, which schemas apply and how often a caller may ask; the operations only do the work.
 */
export function httpFunction<const R extends RouteList>(
  routes: R,
  operations: Operations<R>,
  options: HttpFunctionOptions = {},
) {
  const table = new Map(routes.map((route): [string, RouteDeclaration] => [routeKey(route), route]));
  const implementations = operations as Record<string, (input: unknown) => Promise<unknown>>;
  const limitRate = rateLimiter(options.rateCounter);
  const recheck = options.recheck;
  const unchecked = recheck ? undefined : routes.find((route) => route.recheckCaller);
  if (unchecked) {
    throw new Error(
      `${unchecked.operationId} re-reads its caller (recheckCaller): give httpFunction a recheck (callerRecheck())`,
    );
  }
  const now = options.now ?? (() => new Date());

  const core = async (event: HttpEvent, context: Context): Promise<APIGatewayProxyResultV2> => {
    const route = table.get(event.routeKey);
    const run = route && implementations[route.operationId];
    if (!route || !run) throw new NotFoundError('ROUTE_NOT_FOUND', '没有这个接口');
    const principal = authenticate(event, route);
    logger.appendKeys({ role: principal?.role, unitId: principal?.unitId, operation: route.operationId });
    const input = {
      principal,
      params: readParams(event, route),
      query: readQuery(event, route),
      body: readBody(event, route),
      idempotencyKey: readIdempotencyKey(event, route),
      requestId: event.requestContext.requestId,
      context,
    };
    // Only once the request is well-formed: malformed input is refused before any store access
    // and leaves no count. A well-formed request counts even if its use case then refuses it.
    await recheck?.(route, principal);
    await limitRate(route, principal, now());
    const result = await run(input);
    if (result instanceof HttpReply) {
      return {
        statusCode: result.status,
        headers: result.headers,
        body: result.body,
        isBase64Encoded: result.isBase64Encoded,
      };
    }
    return jsonResponse(route.successStatus, result);
  };

  return middy<HttpEvent, APIGatewayProxyResultV2>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(responseHeaders())
    .use(accessLog())
    .use(errorResponses())
    .handler(core);
}
