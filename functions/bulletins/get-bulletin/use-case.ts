import type { DraftDeps } from '../deps';
import { existingBulletin } from '../rules';

export function getBulletin(deps: DraftDeps, bulletinId: string) {
  return existingBulletin(deps, bulletinId);
}
