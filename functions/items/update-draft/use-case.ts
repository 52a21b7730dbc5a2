import type { Principal } from '#shared/domain/roles';
import { ConflictError } from '#shared/errors';
import type { Draft, DraftUpdate } from '#shared/schemas/drafts';
import type { DraftDeps } from '../create-draft/use-case';
import { draftOwner, ownDraft } from '../drafts/owner';

/** Replaces the draft's fields (those left out are cleared), if nobody saved it since `version`. */
export async function updateDraft(
  deps: DraftDeps,
  principal: Principal,
  draftId: string,
  input: DraftUpdate,
): Promise<Draft> {
  const current = await ownDraft(deps.drafts, principal, draftId);
  if (current.version !== input.version) {
    throw new ConflictError('VERSION_CONFLICT', '草稿已在别处修改，请刷新后再保存');
  }
  const { version, ...fields } = input;
  const next: Draft = {
    ...fields,
    draftId,
    createdAt: current.createdAt,
    updatedAt: deps.now().toISOString(),
    version: version + 1,
  };
  await deps.drafts.replace(draftOwner(principal), next, version);
  return next;
}
