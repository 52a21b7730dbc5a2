import { createHash } from 'node:crypto';
import { UnprocessableError } from '#shared/errors';
import { idempotencyWindowSeconds } from '#shared/http/idempotent';
import type { Item, ItemSubmit } from '#shared/schemas/items';
import type { ItemStore, SubmissionClaim } from '#shared/store/ports';

export const keyReusedMessage = '这个 Idempotency-Key 已用于另一篇内容不同的稿件；新稿件请使用新的值';

/** JSON with object keys sorted, so the same submission always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, entry]) => entry !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonical(entry)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function claimFor(key: string, input: ItemSubmit, now: Date): SubmissionClaim {
  return {
    key,
    payloadHash: createHash('sha256').update(canonical(input)).digest('base64url'),
    expiresAt: Math.floor(now.getTime() / 1000) + idempotencyWindowSeconds,
  };
}

/**
 * The item an earlier submission stored under this unit's key, when there is one: the same
 * payload gets that item back (its answer was lost — a crash, a timeout); another payload is
 * refused as a reused key (422), as the idempotency layer refuses it.
 */
export async function claimedItem(
  items: Pick<ItemStore, 'claimedSubmission' | 'get'>,
  unitId: string,
  claim: SubmissionClaim,
): Promise<Item | undefined> {
  const claimed = await items.claimedSubmission(unitId, claim.key);
  if (!claimed) return undefined;
  if (claimed.payloadHash !== claim.payloadHash) {
    throw new UnprocessableError('IDEMPOTENCY_KEY_REUSED', keyReusedMessage);
  }
  return items.get(claimed.itemId);
}
