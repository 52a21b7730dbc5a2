import { daysBefore, shanghaiDate } from '#shared/domain/periods';
import {
  DUPLICATE_THRESHOLD,
  duplicateFinding,
  duplicateText,
  lshBuckets,
  minhashSignature,
  type QualityInput,
  qualityFindings,
  rankCandidates,
} from '#shared/domain/quality/index';
import { ValidationError } from '#shared/errors';
import type { DuplicateRef, Finding } from '#shared/schemas/items';
import type { ItemStore } from '#shared/store/ports';

/** What a submission, a revision and a precheck all carry. */
export type SubmittedText = QualityInput;

/** Items of the last 180 days, from any unit, are compared for near-duplicates. */
const duplicateWindowDays = 180;

/**
 * Refuses what may never be stored and a schema cannot know: an event dated after tomorrow.
 * Secrecy markers are refused earlier, by the request schema's free-text fields (422).
 */
export function refuseUnacceptable(text: SubmittedText, now: Date): void {
  if (daysBefore(text.eventDate, now) < -1) {
    throw new ValidationError(
      [{ path: 'eventDate', message: `事件日期 ${text.eventDate} 晚于明天（今天是 ${shanghaiDate(now)}）` }],
      '事件日期不能晚于明天',
    );
  }
}

export interface Assessment {
  findings: Finding[];
  duplicates: DuplicateRef[];
  signature: number[];
}

/** Quality hints and near-duplicates: warnings returned with the submission, never a refusal. */
export async function assess(
  items: Pick<ItemStore, 'duplicateCandidates'>,
  text: SubmittedText,
  now: Date,
  excludeItemId?: string,
): Promise<Assessment> {
  const signature = [...minhashSignature(duplicateText(text))];
  const buckets = lshBuckets(signature);
  const since = new Date(now.getTime() - duplicateWindowDays * 86_400_000).toISOString();
  const candidates = (await items.duplicateCandidates(buckets, since)).filter(
    (candidate) => candidate.itemId !== excludeItemId,
  );
  const duplicates = rankCandidates(signature, candidates, DUPLICATE_THRESHOLD);
  const duplicate = duplicateFinding(duplicates);
  const findings = [...qualityFindings(text, now), ...(duplicate ? [duplicate] : [])];
  return { findings, duplicates, signature };
}
