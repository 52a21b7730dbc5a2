/**
 * The console's only way to the API: openapi-fetch over the types generated from /openapi.json,
 * with the person's access token on every request.
 */
import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema.generated';

export type ApiClient = ReturnType<typeof createClient<paths>>;

export type ApiError = components['schemas']['Error']['error'];

/** The API's code for a person whose role requires TOTP and who has not bound it yet. */
export const mfaRequiredCode = 'MFA_REQUIRED';

export interface ClientHooks {
  accessToken(): Promise<string | undefined>;
  /** The API refused the token itself (expired, disabled): the session is over. */
  onSignedOut(message: string): void;
  /** `403 MFA_REQUIRED`: an admin or editor must bind TOTP before the API answers them. */
  onMfaRequired?(message: string): void;
}

export function createApiClient(baseUrl: string, hooks: ClientHooks): ApiClient {
  const client = createClient<paths>({ baseUrl });
  const auth: Middleware = {
    async onRequest({ request }) {
      const token = await hooks.accessToken();
      if (token) request.headers.set('authorization', `Bearer ${token}`);
      return request;
    },
    async onResponse({ response }) {
      if (response.status !== 401 && response.status !== 403) return response;
      const refusal = apiError(
        await response
          .clone()
          .json()
          .catch(() => ({})),
      );
      if (response.status === 401) hooks.onSignedOut(refusal?.message ?? '登录已失效，请重新登录');
      else if (refusal?.code === mfaRequiredCode) hooks.onMfaRequired?.(refusal.message);
      return response;
    },
  };
  client.use(auth);
  return client;
}

/** The API's `{ error: { code, message, details } }`, or undefined for anything else. */
export function apiError(body: unknown): ApiError | undefined {
  const error: unknown = typeof body === 'object' && body !== null ? Reflect.get(body, 'error') : undefined;
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, message } = error as Record<string, unknown>;
  return typeof code === 'string' && typeof message === 'string' ? (error as ApiError) : undefined;
}

/** The API's refusal as a person reads it; anything unexpected says so plainly. */
export function errorMessage(body: unknown): string {
  return apiError(body)?.message ?? '操作未成功，请稍后重试';
}

/** A refusal as a form shows it: the API's message (or `fallback`) and one line per detail. */
export function refusalOf(body: unknown, fallback: string): { message: string; details: string[] } {
  const refusal = apiError(body);
  return {
    message: refusal?.message ?? fallback,
    details: (refusal?.details ?? []).map((detail) => detail.message),
  };
}
