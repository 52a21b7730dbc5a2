/**
 * How the web console is served, declared once: the local console server (`npm start`) and the
 * CloudFront distribution of the CDK app (ResponseHeadersPolicy, object metadata) both build their
 * answers from here, so the two cannot drift.
 */

/** Minutes without a click or a key before the console signs a person out (config.json). */
export const consoleIdleMinutes = 30;

/** Cache-Control of Vite's content-hashed files under `assets/`: their content never changes. */
export const hashedAssetCacheControl = 'public, max-age=31536000, immutable';
/** Cache-Control of `index.html` and `config.json`: always revalidated, so a deploy shows at once. */
export const entryCacheControl = 'no-cache';

export interface ConsoleCspSources {
  /** Origins the pages call: the API, the user pool's endpoint, the attachments bucket. */
  readonly connect: readonly string[];
  /** Origins images come from besides the console itself (presigned attachment URLs). */
  readonly img: readonly string[];
}

/**
 * The console's Content-Security-Policy: no inline or third-party script; inline style attributes
 * allowed because Element Plus positions its popups with them; never framed.
 */
export function consoleContentSecurityPolicy(sources: ConsoleCspSources): string {
  const list = (values: readonly string[]) => values.filter((value) => value !== '').join(' ');
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    `img-src ${list(["'self'", 'data:', 'blob:', ...sources.img])}`,
    "font-src 'self' data:",
    `connect-src ${list(["'self'", ...sources.connect])}`,
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ');
}

/** Strict-Transport-Security max-age (two years; browsers' preload lists ask for at least one). */
export const hstsMaxAgeSeconds = 2 * 365 * 24 * 60 * 60;
