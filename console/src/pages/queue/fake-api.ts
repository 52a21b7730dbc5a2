/**
 * For component tests: the generated client over a fetch that answers from a list of routes
 * and records what was sent, so a test can assert what a person's click asked of the API.
 */
import createClient from 'openapi-fetch';
import type { ApiClient } from '../../api/client';
import type { paths } from '../../api/schema.generated';

export interface Sent {
  method: string;
  path: string;
  body: unknown;
}

export type Answer = { status: number; body: unknown };
export type Route = (method: string, path: string, body: unknown) => Answer | undefined;

export function fakeApi(route: Route): { api: ApiClient; sent: Sent[] } {
  const sent: Sent[] = [];
  const api = createClient<paths>({
    baseUrl: 'http://api.test',
    fetch: async (request: Request) => {
      const url = new URL(request.url);
      const text = request.method === 'GET' ? '' : await request.text();
      const body: unknown = text ? JSON.parse(text) : undefined;
      sent.push({ method: request.method, path: url.pathname + url.search, body });
      const answer = route(request.method, url.pathname, body) ?? {
        status: 404,
        body: { error: { code: 'NOT_FOUND', message: '不存在' } },
      };
      return new Response(JSON.stringify(answer.body), {
        status: answer.status,
        headers: { 'content-type': 'application/json' },
      });
    },
  });
  return { api, sent };
}
