import type { Principal } from '#shared/domain/roles';
import type { DraftDeps } from '../create-draft/use-case';
import { draftNotFound, draftOwner, ownDraft } from '../drafts/owner';

/** Deletes the caller's own draft: gone at once; the row itself leaves the table a day later (TTL). */
export async function deleteDraft(deps: DraftDeps, principal: Principal, draftId: string) {
  await ownDraft(deps.drafts, principal, draftId);
  const expiresAt = Math.floor(deps.now().getTime() / 1000) + 86_400;
  if (!(await deps.drafts.delete(draftOwner(principal), draftId, expiresAt))) throw draftNotFound(draftId);
  return { draftId, deleted: true as const };
}
