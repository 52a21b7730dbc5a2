import type { Bulletin } from '#shared/schemas/bulletins';

/**
 * What the Word renderer is asked (a synchronous invoke from the publishing function) and what it
 * answers. The bulletin is the one about to be published, already numbered; the renderer only
 * renders — it reads and writes nothing, so a retried invoke is harmless.
 */
export interface WordRenderRequest {
  kind: 'bulletin-docx';
  bulletin: Bulletin;
  officeName: string;
  includeInternal: boolean;
}

export interface WordRenderAnswer {
  /** The .docx, base64 (Lambda payloads are JSON). */
  docx: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The request's shape, checked at the door without zod (the renderer's bundle stays docx and
 * little else): only the publishing function may invoke it, and it sends a stored bulletin.
 */
export function parseWordRenderRequest(event: unknown): WordRenderRequest {
  if (!isRecord(event) || event.kind !== 'bulletin-docx') throw new Error('not a Word render request');
  const { bulletin, officeName, includeInternal } = event;
  if (
    !isRecord(bulletin) ||
    typeof bulletin.seriesName !== 'string' ||
    typeof bulletin.year !== 'number' ||
    !Array.isArray(bulletin.items) ||
    !isRecord(bulletin.distribution)
  ) {
    throw new Error('the Word render request carries no bulletin');
  }
  if (typeof officeName !== 'string' || typeof includeInternal !== 'boolean') {
    throw new Error('the Word render request lacks its options');
  }
  return { kind: 'bulletin-docx', bulletin: bulletin as unknown as Bulletin, officeName, includeInternal };
}

export function parseWordRenderAnswer(answer: unknown): Buffer {
  if (!isRecord(answer) || typeof answer.docx !== 'string' || answer.docx === '') {
    throw new Error('the Word renderer answered no document');
  }
  return Buffer.from(answer.docx, 'base64');
}
