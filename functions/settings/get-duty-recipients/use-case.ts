import type { DutyRecipients } from '#shared/schemas/settings';
import type { SettingsDeps } from '../deps';

export type StoredDutyRecipients = DutyRecipients & { updatedAt?: string; updatedBy?: string };

/** Nothing configured yet reads as an empty list (urgent-item alerts then go to nobody, with a warning log). */
export async function getDutyRecipients(deps: Pick<SettingsDeps, 'settings'>): Promise<StoredDutyRecipients> {
  return (await deps.settings.getDutyRecipients()) ?? { recipients: [] };
}
