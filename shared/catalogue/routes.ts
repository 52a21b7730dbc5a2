/**
 * The route table, declared once. Each function's routes live in shared/catalogue/routes/
 * <function>.ts (so its bundle holds only its own schemas); this module joins them for the CDK
 * app (one HTTP API route each), the local gateway, and the OpenAPI document. The HTTP middleware
 * enforces their roles and body limits from the function's own list.
 */
import type { FunctionName } from './functions';
import { type RouteDeclaration, routeKey } from './route-declaration';
import { attachmentsRoutes } from './routes/attachments';
import { bulletinsRoutes } from './routes/bulletins';
import { commissionsRoutes } from './routes/commissions';
import { factsRoutes } from './routes/facts';
import { inboxRoutes } from './routes/inbox';
import { itemsRoutes } from './routes/items';
import { peopleRoutes } from './routes/people';
import { policyRoutes } from './routes/policy';
import { publishingRoutes } from './routes/publishing';
import { reviewRoutes } from './routes/review';
import { scoresRoutes } from './routes/scores';
import { settingsRoutes } from './routes/settings';
import { systemRoutes } from './routes/system';
import { tokensRoutes } from './routes/tokens';
import { unitsRoutes } from './routes/units';

export type { BodyKind, HttpMethod, RouteDeclaration } from './route-declaration';
export { routeKey };

export const routes = [
  ...systemRoutes,
  ...unitsRoutes,
  ...tokensRoutes,
  ...peopleRoutes,
  ...itemsRoutes,
  ...reviewRoutes,
  ...attachmentsRoutes,
  ...settingsRoutes,
  ...policyRoutes,
  ...commissionsRoutes,
  ...bulletinsRoutes,
  ...publishingRoutes,
  ...factsRoutes,
  ...scoresRoutes,
  ...inboxRoutes,
] as const satisfies readonly RouteDeclaration[];

export type OperationId = (typeof routes)[number]['operationId'];

export function routesOf(fn: FunctionName): RouteDeclaration[] {
  return (routes as readonly RouteDeclaration[]).filter((route) => route.function === fn);
}

/** The authorizer's cache TTL: a revoked token stops working within this many seconds. */
export const authorizerCacheTtlSeconds = 10;
