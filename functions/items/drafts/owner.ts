import type { Principal } from '#shared/domain/roles';
import { NotFoundError } from '#shared/errors';
import type { Draft } from '#shared/schemas/drafts';
import type { DraftStore } from '#shared/store/ports';

/**
 * Whose drafts: the caller's credential id — `person:<personId>` for a signed-in person (the same
 * drafts on every device), the token's id for an `xb_` token (an integration's own drafts).
 */
export const draftOwner = (principal: Principal): string => principal.tokenId;

export function draftNotFound(draftId: string): NotFoundError {
  return new NotFoundError('DRAFT_NOT_FOUND', `找不到草稿“${draftId}”`);
}

/** The caller's own draft; another caller's draft (or none) is "not found", never "forbidden". */
export async function ownDraft(
  drafts: Pick<DraftStore, 'get'>,
  principal: Principal,
  draftId: string,
): Promise<Draft> {
  const found = await drafts.get(draftOwner(principal), draftId);
  if (!found || found.submittedItemId) throw draftNotFound(draftId);
  return found;
}
