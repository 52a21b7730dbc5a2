import type { Clients } from './clients';

export type TargetName = 'local' | 'moto';

export interface Target {
  name: TargetName;
  clients: Clients;
}

/**
 * Where moto's server (5.2.1, observed) differs from the DynamoDB documentation. The checks keep the
 * documented expectation for our emulator and assert moto's observed behaviour separately, so a
 * change in moto shows up as a failure here instead of silently passing.
 */
export const MOTO_DEVIATIONS = {
  emptyAccepted: 'accepts an empty TransactItems list (DynamoDB: ValidationException)',
  getsCappedAt25: 'rejects more than 25 gets in TransactGetItems (DynamoDB allows 100)',
  projectionIgnored: 'ignores ProjectionExpression in TransactGetItems and returns whole items',
  storedDataPlainError: 'reports a failure on stored data as a plain ValidationException, not a cancellation',
  tokenIgnored: 'ignores ClientRequestToken (a repeat applies again, other parameters are accepted)',
  numbersComparedAsText:
    'compares key numbers as text when looking for the same item twice: 1 and 1.0 pass, and both actions apply',
  noSizeLimit: 'accepts a transaction over 4 MB (no aggregate size limit)',
} as const;
// Also per the notes, moto has no isolation under concurrent requests (500s, torn reads): it is never
// sent concurrent transactions, and the isolation tests (isolation.test.ts) run against ours only.

export type MotoDeviation = keyof typeof MOTO_DEVIATIONS;

/** Runs the documented expectation, or, on moto for a recorded deviation, moto's observed one. */
export async function expectPerTarget(
  target: Target,
  deviation: MotoDeviation,
  expectations: { documented: () => void | Promise<void>; motoObserved: () => void | Promise<void> },
): Promise<void> {
  if (target.name === 'moto') {
    try {
      await expectations.motoObserved();
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new Error(
        `moto no longer shows the recorded deviation "${MOTO_DEVIATIONS[deviation]}": ${detail}`,
      );
    }
    return;
  }
  await expectations.documented();
}

/** What every check gets: the target (for recorded deviations) and its clients. */
export type CheckContext = () => { t: Target } & Clients;
