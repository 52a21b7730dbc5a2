import type { Principal } from '#shared/domain/roles';
import type { DraftDeps } from '../create-draft/use-case';
import { draftOwner, ownDraft } from '../drafts/owner';

/** Deletes the caller's own draft (a draft is not an item: it leaves no trace). */
export async function deleteDraft(deps: DraftDeps, principal: Principal, draftId: string) {
  await ownDraft(deps.drafts, principal, draftId);
  await deps.drafts.delete(draftOwner(principal), draftId);
  return { draftId, deleted: true as const };
}
