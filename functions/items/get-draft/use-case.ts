import type { Principal } from '#shared/domain/roles';
import type { Draft } from '#shared/schemas/drafts';
import type { DraftDeps } from '../create-draft/use-case';
import { ownDraft } from '../drafts/owner';

export function getDraft(deps: DraftDeps, principal: Principal, draftId: string): Promise<Draft> {
  return ownDraft(deps.drafts, principal, draftId);
}
