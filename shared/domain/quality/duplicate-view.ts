import type { DuplicateHint, Finding } from '../../schemas/items';
import { isUnitBound, type Principal } from '../roles';
import { duplicateFinding, otherUnitNote } from './duplicates';

export interface Hints {
  findings: Finding[];
  duplicates: DuplicateHint[];
}

/**
 * The near-duplicate hints as `viewer` may see them. Staff see every similar item in full. A
 * reporter sees its own unit's similar items in full and another unit's only as a note with the
 * similarity — no item id, unit or title — so hints cannot be used to read other units'
 * submissions; the NEAR_DUPLICATE finding is rewritten from those same notes.
 */
export function hintsSeenBy(viewer: Principal, hints: Hints): Hints {
  if (!isUnitBound(viewer)) return hints;
  const duplicates = hints.duplicates.map(
    (hint): DuplicateHint =>
      'unitId' in hint && hint.unitId === viewer.unitId
        ? hint
        : { similarity: hint.similarity, note: otherUnitNote(hint.similarity) },
  );
  const rewritten = duplicateFinding(duplicates);
  const findings = hints.findings.flatMap((finding) =>
    finding.code !== 'NEAR_DUPLICATE' ? [finding] : rewritten ? [rewritten] : [],
  );
  return { findings, duplicates };
}
