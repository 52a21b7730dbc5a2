import type { UnitPrincipal } from '#shared/domain/roles';
import { parseWith } from '#shared/http/request';
import { type Item, type ItemSubmit, itemSubmit } from '#shared/schemas/items';
import type { ItemReader } from '#shared/store/ports';
import type { DraftDeps } from '../create-draft/use-case';
import { draftNotFound, draftOwner } from '../drafts/owner';
import { refuseUnacceptable } from '../submission-rules';

/** A submitted draft stays (hidden from the list) this long, to answer a late retry with its item. */
export const submittedDraftKeepSeconds = 7 * 86_400;

/** The submission of `POST /items` (idempotent on the key): the same use case, the same checks. */
export type SubmitWithKey = (key: string, principal: UnitPrincipal, body: ItemSubmit) => Promise<Item>;

export interface SubmitDraftDeps extends DraftDeps {
  items: ItemReader;
  submit: SubmitWithKey;
}

/**
 * 草稿报送: the draft's fields are checked as a submission's body is (missing or too short fields
 * → 400 VALIDATION_FAILED naming each; a secrecy marker → 422), then submitted through the same
 * use case as `POST /items` with the draft's id as the Idempotency-Key — a double click or a
 * retry stores one item. The draft is then marked submitted with the item's id (and expires a
 * week later), so a retry after that answers with the same item.
 */
export async function submitDraft(
  deps: SubmitDraftDeps,
  principal: UnitPrincipal,
  draftId: string,
): Promise<Item> {
  const owner = draftOwner(principal);
  const draft = await deps.drafts.get(owner, draftId);
  if (!draft) throw draftNotFound(draftId);
  if (draft.submittedItemId) {
    const earlier = await deps.items.get(draft.submittedItemId);
    if (earlier) return earlier;
  }
  const {
    draftId: _id,
    createdAt: _created,
    updatedAt: _updated,
    version: _version,
    submittedItemId: _item,
    ...fields
  } = draft;
  const body = parseWith(itemSubmit, fields, '');
  const now = deps.now();
  refuseUnacceptable(body, now);
  const item = await deps.submit(draftId, principal, body);
  await deps.drafts.markSubmitted(
    owner,
    draftId,
    item.itemId,
    Math.floor(now.getTime() / 1000) + submittedDraftKeepSeconds,
  );
  return item;
}
