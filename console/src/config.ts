/**
 * Where the console finds the API and the user pool. Written at deploy time (the cloud) or served
 * by `npm start` (locally) as /config.json, never baked into the bundle: one build serves any
 * environment.
 */
export interface ConsoleConfig {
  /** The HTTP API's base URL, without a trailing slash. */
  apiUrl: string;
  /** Cognito's (or cognito-local's) JSON endpoint, e.g. https://cognito-idp.ap-east-1.amazonaws.com */
  cognitoEndpoint: string;
  userPoolClientId: string;
  /** Minutes without a click or a key before the console signs out. */
  idleMinutes: number;
}

function isConsoleConfig(value: unknown): value is ConsoleConfig {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.apiUrl === 'string' &&
    typeof v.cognitoEndpoint === 'string' &&
    typeof v.userPoolClientId === 'string' &&
    typeof v.idleMinutes === 'number'
  );
}

export async function loadConfig(fetcher: typeof fetch = fetch): Promise<ConsoleConfig> {
  const response = await fetcher('/config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`无法读取控制台配置（/config.json，HTTP ${response.status}）`);
  const body: unknown = await response.json();
  if (!isConsoleConfig(body)) throw new Error('控制台配置（/config.json）不完整');
  return { ...body, apiUrl: body.apiUrl.replace(/\/+$/, '') };
}
