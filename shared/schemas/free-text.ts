/**
 * The one declaration of free text. Every request field a person types into is built here, so
 * the control-character rule and the secrecy scan run on all of them, and the mark in the
 * schema (`x-free-text` in /openapi.json) lets a test find every such field of every route.
 *
 * A secrecy hit is a zod issue carrying the marker in `params.secrecy`: `parseWith` turns it
 * into 422 SECRECY_REFUSED before anything runs, so nothing is stored.
 */
import * as z from 'zod/mini';
import { findSecrecyMarkerIn, type SecrecyMarker } from '../domain/quality/secrecy';
import { meta } from './meta';

export const freeTextMark = 'x-free-text';
/** `line`: one line (titles, names, labels); `text`: paragraphs (bodies, comments). */
export type FreeTextKind = 'line' | 'text';

/** C0 and C1 controls (NEL included), DEL, and the Unicode line and paragraph separators. */
const control = /[\p{Cc}\u2028\u2029]/u;
const controlInText = /[^\P{Cc}\n\t]|[\u2028\u2029]/u;

const controlNames: Readonly<Record<string, string>> = {
  '\n': '换行',
  '\r': '回车',
  '\t': '制表符',
  '\u0085': '下一行 NEL',
  '\u2028': '行分隔符',
  '\u2029': '段分隔符',
};

function describeControl(value: string, found: RegExpExecArray): string {
  const char = found[0];
  const code = `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
  const position = Array.from(value.slice(0, found.index)).length + 1;
  return `第 ${position} 个字符是控制字符 ${code}${controlNames[char] ? `（${controlNames[char]}）` : ''}`;
}

/** True only inside `parseStored`: zod parses synchronously, so no other parse can interleave. */
let readingStored = false;

/**
 * Parses a row read back from the store. Free text was checked when it was written (and the
 * publisher checks it once more before printing); a row stored before a rule existed must stay
 * readable so that people can see and correct it, not turn every list that holds it into a 500.
 */
export function parseStored<S extends z.ZodMiniType>(schema: S, value: unknown): z.output<S> {
  readingStored = true;
  try {
    return schema.parse(value);
  } finally {
    readingStored = false;
  }
}

function scan(kind: FreeTextKind) {
  return (value: string, ctx: z.core.$RefinementCtx<string>) => {
    if (readingStored) return;
    const found = (kind === 'line' ? control : controlInText).exec(value);
    if (found) {
      ctx.addIssue({
        code: 'custom',
        message:
          kind === 'line'
            ? `${describeControl(value, found)}：此处只能填写一行文字，请删除换行和其他控制字符`
            : `${describeControl(value, found)}：正文只能使用普通换行和制表符，请删除其他控制字符`,
      });
    }
    const secret = findSecrecyMarkerIn(value);
    if (secret) {
      ctx.addIssue({
        code: 'custom',
        message: `含有涉密标志“${secret.marker}”`,
        params: { secrecy: secret },
      });
    }
  };
}

/** One line of free text (titles, names, labels, file names): no control character at all. */
export function singleLine(min: number, max: number) {
  return meta(
    z
      .string()
      .check(z.trim())
      .check(z.minLength(min))
      .check(z.maxLength(max))
      .check(z.superRefine(scan('line'))),
    { [freeTextMark]: 'line' },
  );
}

/** Paragraphs (bodies, requirements, comments): CRLF and CR become LF; tabs may stay. */
export function multiLine(min: number, max: number) {
  return meta(
    z
      .string()
      .check(z.overwrite((value) => value.replace(/\r\n?/g, '\n')))
      .check(z.trim())
      .check(z.minLength(min))
      .check(z.maxLength(max))
      .check(z.superRefine(scan('text'))),
    { [freeTextMark]: 'text' },
  );
}

/** The secrecy marker a failed parse found, with the field it was in; undefined when none. */
export function secrecyIssue(
  issues: readonly z.core.$ZodIssue[],
): { path: PropertyKey[]; found: SecrecyMarker } | undefined {
  for (const issue of issues) {
    const found = issue.code === 'custom' ? (issue.params?.secrecy as SecrecyMarker | undefined) : undefined;
    if (found) return { path: issue.path, found };
  }
  return undefined;
}
