import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { components } from '../api/schema.generated';
import type { CognitoClient, SignInResult, Tokens } from '../auth/cognito';

export type Me = components['schemas']['WhoAmI'];

/** Tokens live for the tab only: closing the browser signs a shared office PC out. */
const storageKey = 'xinbao.session';
/** Refresh a little before expiry so a request never leaves with a token about to lapse. */
const refreshMarginMs = 60_000;

function readStored(): Tokens | undefined {
  try {
    const raw = sessionStorage.getItem(storageKey);
    return raw ? (JSON.parse(raw) as Tokens) : undefined;
  } catch {
    return undefined;
  }
}

export const useSession = defineStore('session', () => {
  const tokens = ref<Tokens | undefined>(readStored());
  const me = ref<Me | undefined>();
  /** Why the last session ended, shown on the sign-in page (idle time-out, expiry). */
  const endedBecause = ref<string | undefined>();
  let cognito: CognitoClient | undefined;
  let refreshing: Promise<Tokens | undefined> | undefined;

  const signedIn = computed(() => tokens.value !== undefined);

  function use(client: CognitoClient): void {
    cognito = client;
  }

  function client(): CognitoClient {
    if (!cognito) throw new Error('session used before the console was configured');
    return cognito;
  }

  function store(next: Tokens | undefined): void {
    tokens.value = next;
    if (next) sessionStorage.setItem(storageKey, JSON.stringify(next));
    else sessionStorage.removeItem(storageKey);
  }

  async function signIn(username: string, password: string): Promise<SignInResult> {
    const result = await client().signIn(username, password);
    if (result.kind === 'signed-in') {
      endedBecause.value = undefined;
      store(result.tokens);
    }
    return result;
  }

  async function setNewPassword(session: string, username: string, password: string): Promise<SignInResult> {
    const result = await client().setNewPassword(session, username, password);
    if (result.kind === 'signed-in') store(result.tokens);
    return result;
  }

  async function answerTotp(session: string, username: string, code: string): Promise<SignInResult> {
    const result = await client().answerTotp(session, username, code);
    if (result.kind === 'signed-in') {
      endedBecause.value = undefined;
      store(result.tokens);
    }
    return result;
  }

  /** Binding TOTP, step 1: a new secret for the signed-in person. */
  async function startTotpBinding(): Promise<string> {
    const token = await accessToken();
    if (!token) throw new Error('not signed in');
    return client().associateTotp(token);
  }

  /**
   * Binding TOTP, step 2. Then fresh tokens: the API's authorizer caches its answer per access
   * token for a few seconds, so the token that was refused for want of TOTP is not used again.
   * Where the pool will not refresh (cognito-local does not for sessions that began with a
   * challenge), the person signs in again, now with password and code: `sign-in-again`.
   */
  async function finishTotpBinding(code: string, deviceName: string): Promise<'renewed' | 'sign-in-again'> {
    const current = tokens.value;
    const token = await accessToken();
    if (!current || !token) throw new Error('not signed in');
    await client().verifyTotp(token, code, deviceName);
    me.value = undefined;
    try {
      store(await client().refresh(tokens.value?.refreshToken ?? current.refreshToken));
      return 'renewed';
    } catch {
      end('动态口令已绑定，请用密码和动态口令重新登录');
      return 'sign-in-again';
    }
  }

  /** A valid access token, refreshed once if it is about to expire; undefined when signed out. */
  async function accessToken(): Promise<string | undefined> {
    const current = tokens.value;
    if (!current) return undefined;
    if (current.expiresAt - Date.now() > refreshMarginMs) return current.accessToken;
    refreshing ??= client()
      .refresh(current.refreshToken)
      .then((fresh) => {
        store(fresh);
        return fresh;
      })
      .catch(() => {
        end('登录已过期，请重新登录');
        return undefined;
      })
      .finally(() => {
        refreshing = undefined;
      });
    return (await refreshing)?.accessToken;
  }

  function end(reason?: string): void {
    const refreshToken = tokens.value?.refreshToken;
    store(undefined);
    me.value = undefined;
    endedBecause.value = reason;
    if (refreshToken && cognito) void cognito.signOut(refreshToken);
  }

  return {
    tokens,
    me,
    endedBecause,
    signedIn,
    use,
    signIn,
    setNewPassword,
    answerTotp,
    startTotpBinding,
    finishTotpBinding,
    accessToken,
    end,
  };
});
