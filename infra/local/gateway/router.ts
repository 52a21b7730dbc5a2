import { routes as catalogueRoutes } from '../../../shared/catalogue/routes';

/** What the gateway needs of a route; the catalogue's entries are these. */
export interface GatewayRoute {
  method: string;
  /** HTTP API path syntax: `/units/{unitId}`, greedy `/files/{path+}`. */
  path: string;
  function: string;
  auth: 'public' | 'bearer';
}

type Segment =
  | { kind: 'literal'; value: string }
  | { kind: 'param'; name: string }
  | { kind: 'greedy'; name: string };

interface CompiledRoute {
  route: GatewayRoute;
  routeKey: string;
  segments: Segment[];
}

export interface RouteMatch {
  route: GatewayRoute;
  routeKey: string;
  pathParameters?: Record<string, string>;
}

function compile(route: GatewayRoute): CompiledRoute {
  const segments = route.path
    .split('/')
    .slice(1)
    .map((part): Segment => {
      const greedy = /^\{(\w+)\+\}$/.exec(part);
      if (greedy?.[1]) return { kind: 'greedy', name: greedy[1] };
      const param = /^\{(\w+)\}$/.exec(part);
      if (param?.[1]) return { kind: 'param', name: param[1] };
      return { kind: 'literal', value: part };
    });
  // Same form as the catalogue's routeKey(): `GET /units/{unitId}`.
  return { route, routeKey: `${route.method} ${route.path}`, segments };
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Path parameters of a match, or undefined when the path does not fit the template. */
function matchPath(segments: Segment[], parts: string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (const [index, segment] of segments.entries()) {
    if (segment.kind === 'greedy') {
      const rest = parts.slice(index).join('/');
      if (rest === '') return undefined;
      params[segment.name] = decode(rest);
      return params;
    }
    const part = parts[index];
    if (part === undefined) return undefined;
    if (segment.kind === 'literal' && segment.value !== part) return undefined;
    if (segment.kind === 'param') {
      if (part === '') return undefined;
      params[segment.name] = decode(part);
    }
  }
  return parts.length === segments.length ? params : undefined;
}

/** API Gateway prefers the most specific route: a literal segment beats a parameter, which beats a greedy one. */
const rank: Record<Segment['kind'], number> = { literal: 0, param: 1, greedy: 2 };
function moreSpecific(a: CompiledRoute, b: CompiledRoute): number {
  const length = Math.min(a.segments.length, b.segments.length);
  for (let index = 0; index < length; index++) {
    const left = a.segments[index];
    const right = b.segments[index];
    if (left && right && left.kind !== right.kind) return rank[left.kind] - rank[right.kind];
  }
  return b.segments.length - a.segments.length;
}

export interface Router {
  match(method: string, rawPath: string): RouteMatch | undefined;
  routeKeys(): string[];
}

export function createRouter(routes: readonly GatewayRoute[] = catalogueRoutes): Router {
  const compiled = routes.map(compile);
  const keys = new Set<string>();
  for (const entry of compiled) {
    if (keys.has(entry.routeKey)) throw new Error(`duplicate route ${entry.routeKey}`);
    keys.add(entry.routeKey);
  }
  return {
    match(method, rawPath) {
      const parts = rawPath.split('/').slice(1);
      const candidates: { entry: CompiledRoute; params: Record<string, string> }[] = [];
      for (const entry of compiled) {
        if (entry.route.method !== method && entry.route.method !== 'ANY') continue;
        const params = matchPath(entry.segments, parts);
        if (params) candidates.push({ entry, params });
      }
      candidates.sort((a, b) => {
        const bySegments = moreSpecific(a.entry, b.entry);
        // An exact method beats ANY on the same path.
        return bySegments || Number(a.entry.route.method === 'ANY') - Number(b.entry.route.method === 'ANY');
      });
      const best = candidates[0];
      if (!best) return undefined;
      const hasParams = Object.keys(best.params).length > 0;
      return {
        route: best.entry.route,
        routeKey: best.entry.routeKey,
        ...(hasParams ? { pathParameters: best.params } : {}),
      };
    },
    routeKeys: () => [...keys],
  };
}

/** The route keys the local gateway serves for a route table (the catalogue's by default). */
export function servedRouteKeys(routes: readonly GatewayRoute[] = catalogueRoutes): string[] {
  return createRouter(routes).routeKeys();
}
