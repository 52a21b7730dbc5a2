import type { BulletinsDeps } from '../deps';
import { existingBulletin } from '../rules';

export function getBulletin(deps: BulletinsDeps, bulletinId: string) {
  return existingBulletin(deps, bulletinId);
}
