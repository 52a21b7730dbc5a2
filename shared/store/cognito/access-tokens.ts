import { validateCognitoJwtFields } from 'aws-jwt-verify/cognito-verifier';
import { JwtExpiredError } from 'aws-jwt-verify/error';
import type { Jwks } from 'aws-jwt-verify/jwk';
import { JwtVerifier } from 'aws-jwt-verify/jwt-verifier';
import { readConfig, readOptionalConfig } from '../../config';
import type { AccessTokenCheck, AccessTokenVerifier } from '../ports';

export interface UserPoolTokenConfig {
  /** The pool's issuer: `https://cognito-idp.<region>.amazonaws.com/<poolId>` in the cloud. */
  issuer: string;
  /** The console's app client: access tokens of any other client are refused. */
  clientId: string;
  /**
   * Where to fetch the pool's keys once and preload them (`cacheJwks`) instead of letting the
   * verifier fetch `<issuer>/.well-known/jwks.json` itself, which it does only over https.
   */
  jwksUrl?: string;
}

export function userPoolTokenConfigFromEnvironment(): UserPoolTokenConfig | undefined {
  const issuer = readOptionalConfig('userPoolIssuer');
  if (!issuer) return undefined;
  const jwksUrl = readOptionalConfig('userPoolJwksUrl');
  return { issuer, clientId: readConfig('userPoolClientId'), ...(jwksUrl ? { jwksUrl } : {}) };
}

/**
 * Verifies the user pool's ACCESS tokens with aws-jwt-verify: RS256 signature against the pool's
 * keys, issuer, expiry, `token_use: access` and `client_id` (the Cognito checks of
 * CognitoJwtVerifier, run by the generic verifier so that the issuer is configuration: the
 * emulator's issuer is `http://localhost:<port>/<poolId>`, which CognitoJwtVerifier cannot
 * express). An ID token, another client's token, a forged signature or `alg: none` is refused.
 */
export class UserPoolAccessTokens implements AccessTokenVerifier {
  private readonly verifier;
  private preloaded: Promise<void> | undefined;

  constructor(
    private readonly config: UserPoolTokenConfig,
    private readonly fetchJson: (url: string) => Promise<unknown> = getJson,
  ) {
    const { clientId } = config;
    this.verifier = JwtVerifier.create({
      issuer: config.issuer,
      audience: null,
      jwksUri: `${config.issuer}/.well-known/jwks.json`,
      customJwtCheck: ({ payload }) => validateCognitoJwtFields(payload, { tokenUse: 'access', clientId }),
    });
  }

  async verify(jwt: string): Promise<AccessTokenCheck> {
    await this.preload();
    try {
      const payload = await this.verifier.verify(jwt);
      if (typeof payload.sub !== 'string' || payload.sub === '') {
        return { ok: false, reason: 'invalid', detail: 'no sub' };
      }
      return { ok: true, personId: payload.sub };
    } catch (error) {
      // The error's name says why (never the token: includeRawJwtInErrors stays off).
      const detail = error instanceof Error ? error.constructor.name : 'unknown';
      return { ok: false, reason: error instanceof JwtExpiredError ? 'expired' : 'invalid', detail };
    }
  }

  private preload(): Promise<void> {
    const { jwksUrl } = this.config;
    if (!jwksUrl) return Promise.resolve();
    this.preloaded ??= this.fetchJson(jwksUrl).then(
      (jwks) => this.verifier.cacheJwks(jwks as Jwks),
      (error: unknown) => {
        // Try again on the next call rather than refusing everyone until a cold start.
        this.preloaded = undefined;
        throw error;
      },
    );
    return this.preloaded;
  }
}

async function getJson(url: string): Promise<unknown> {
  const response = await fetch(url, { signal: AbortSignal.timeout(3000) });
  if (!response.ok) throw new Error(`JWKS ${url} answered ${response.status}`);
  return response.json();
}
