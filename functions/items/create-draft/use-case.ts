import { newId } from '#shared/domain/ids';
import type { Principal } from '#shared/domain/roles';
import type { Draft, DraftCreate } from '#shared/schemas/drafts';
import type { DraftStore } from '#shared/store/ports';
import { draftOwner } from '../drafts/owner';

export interface DraftDeps {
  drafts: DraftStore;
  now: () => Date;
}

/**
 * 保存为草稿: stored for the caller only, never counted (no counters, no ledger, no near-duplicate
 * index). The request schema has already refused secrecy markers and over-long text.
 */
export async function createDraft(deps: DraftDeps, principal: Principal, input: DraftCreate): Promise<Draft> {
  const now = deps.now();
  const at = now.toISOString();
  const draft: Draft = { ...input, draftId: newId('df', now), createdAt: at, updatedAt: at, version: 1 };
  await deps.drafts.create(draftOwner(principal), draft);
  return draft;
}
