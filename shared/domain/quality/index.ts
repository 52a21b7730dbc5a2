/** Quality checks on submitted items (DESIGN §5): pure functions the items use case calls. */
export { daysBetween, shanghaiDate } from './dates';
export { type Hints, hintsSeenBy } from './duplicate-view';
export {
  createDuplicateIndex,
  DUPLICATE_THRESHOLD,
  type DuplicateCandidate,
  type DuplicateEntry,
  type DuplicateIndex,
  duplicateFinding,
  duplicateText,
  estimateOverlap,
  MAX_DUPLICATES,
  OVERLAP_MIN_JACCARD,
  otherUnitNote,
  rankCandidates,
} from './duplicates';
export {
  BODY_MAX,
  BODY_MIN,
  LATE_AFTER_DAYS,
  type QualityInput,
  qualityFindings,
  TITLE_MAX,
  TITLE_MIN,
} from './findings';
export { meetingOnlyEvidence } from './meeting-only';
export {
  decodeSignature,
  encodeSignature,
  estimateSimilarity,
  LSH_BANDS,
  LSH_ROWS,
  lshBuckets,
  minhashSignature,
  NUM_HASHES,
  type Signature,
  type SignatureLike,
  signatureSize,
} from './minhash';
export { findSecrecyMarker, findSecrecyMarkerIn, type SecrecyMarker } from './secrecy';
export { exactJaccard, normalizeForShingles, SHINGLE_SIZE, shingles } from './shingles';
export { vagueTimeWords } from './vague-time';
