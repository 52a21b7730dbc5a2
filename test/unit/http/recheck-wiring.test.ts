/**
 * Only the functions whose routes re-read their caller carry the token and person stores; a
 * function given such a route without the recheck refuses to start instead of skipping the check.
 */
import { describe, expect, it } from 'vitest';
import { type RouteDeclaration, routes } from '#shared/catalogue/routes';
import { tokensRoutes } from '#shared/catalogue/routes/tokens';
import { httpFunction, type Operations } from '#shared/http/http-function';

describe('caller recheck wiring', () => {
  it('refuses to build a function with a recheckCaller route and no recheck', () => {
    const operations = {} as Operations<typeof tokensRoutes>;
    expect(() => httpFunction(tokensRoutes, operations)).toThrow(/recheckCaller/);
  });

  it('declares recheckCaller only on routes of the units, tokens and people functions', () => {
    const declared: readonly RouteDeclaration[] = routes;
    const owners = new Set(declared.filter((route) => route.recheckCaller).map((route) => route.function));
    expect([...owners].sort()).toEqual(['people', 'tokens', 'units']);
  });
});
