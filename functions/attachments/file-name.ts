/**
 * File names as users send them are untrusted: they may carry paths, `..`, control or
 * direction-override characters, or names Windows refuses. What is left is safe as the last
 * segment of an S3 key and as a download name, and keeps Chinese intact.
 */

/** Longest sanitised name, in characters (not UTF-16 units): 100 Chinese characters are 300 bytes. */
export const maxFileNameLength = 100;
const fallbackBase = '附件';

/** Controls (C0, DEL, C1) and format characters: zero-width, direction overrides and isolates, BOM. */
const invisible = /[\p{Cc}\p{Cf}]/gu;
const reserved = /[<>:"/\\|?*%#{}^~`[\]]/gu;
const windowsDevice = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/iu;

export interface SanitisedName {
  /** The safe file name, extension included. */
  name: string;
  /** Lower-case extension without the dot; empty when the name has none. */
  extension: string;
}

function cap(text: string, length: number): string {
  return Array.from(text).slice(0, length).join('');
}

export function sanitiseFileName(raw: string): SanitisedName {
  const normalised = raw.normalize('NFC').replace(invisible, '');
  // Strip any path: the last segment after a slash or backslash (both separators, any OS).
  const last = normalised.split(/[/\\]/u).pop() ?? '';
  const cleaned = last
    .replace(reserved, '_')
    .replace(/\s+/gu, ' ')
    .replace(/\.{2,}/gu, '.')
    .trim()
    .replace(/^[.\s]+/u, '')
    .replace(/[.\s]+$/u, '');
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 ? cleaned.slice(dot + 1).toLowerCase() : '';
  let base = (dot > 0 ? cleaned.slice(0, dot) : cleaned).replace(/[.\s]+$/u, '').trim();
  if (!base) base = fallbackBase;
  if (windowsDevice.test(base)) base = `_${base}`;
  const suffix = extension ? `.${extension}` : '';
  base = cap(base, maxFileNameLength - Array.from(suffix).length).trim() || fallbackBase;
  return { name: `${base}${suffix}`, extension };
}

/** RFC 5987 value: percent-encoded UTF-8 with only attr-char left as is. */
export function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/gu,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * `Content-Disposition` for a download: an ASCII fallback for old clients, and `filename*`
 * (RFC 6266 / RFC 5987) that every current browser prefers, so Chinese names survive.
 */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/gu, '_').replace(/["\\]/gu, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(fileName)}`;
}
