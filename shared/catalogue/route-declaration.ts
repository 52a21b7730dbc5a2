/**
 * The shape of one route declaration, shared by every function's route list
 * (shared/catalogue/routes/<function>.ts). Kept apart from the whole table so that a function's
 * bundle holds only its own routes and their schemas.
 */
import type * as z from 'zod/mini';
import type { Role } from '../domain/roles';
import type { FunctionName } from './functions';
import type { RateLimit } from './rate-limits';

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
  params?: z.ZodMiniObject;
  query?: z.ZodMiniObject;
  body?: { kind: BodyKind; schema?: z.ZodMiniType; maxBytes: number };
  response: z.ZodMiniType;
  successStatus: 200 | 201;
  /** Unit-bound callers (reporter, unit-admin) may only touch their own unit's resources; checked in the use case (→ 404). */
  unitScoped?: boolean;
  /** Requires an `Idempotency-Key` header: a retried request returns the first answer. */
  idempotent?: boolean;
  /** Per-caller limit on an expensive call (shared/catalogue/rate-limits.ts); beyond it → 429. */
  rateLimit?: RateLimit;
  /**
   * Changes accounts (tokens, units): the caller's token row is re-read on each call, since the
   * authorizer's cached answer may predate a revocation (→ 401 TOKEN_REVOKED).
   */
  recheckCaller?: boolean;
}

export const staff: readonly Role[] = ['admin', 'editor', 'leader'];
/** A unit's own people: its 信息员 and its 单位管理员 (who does everything a reporter does). */
export const unitPeople: readonly Role[] = ['reporter', 'unit-admin'];
export const everyone: readonly Role[] = ['admin', 'editor', 'leader', 'reporter', 'unit-admin'];
export const jsonBody = <S extends z.ZodMiniType>(schema: S, maxBytes = 64 * 1024) => ({
  kind: 'json' as const,
  schema,
  maxBytes,
});

/** API Gateway's route key, `GET /units/{unitId}`: the join between gateway events and this table. */
export function routeKey(route: Pick<RouteDeclaration, 'method' | 'path'>): string {
  return `${route.method} ${route.path}`;
}
