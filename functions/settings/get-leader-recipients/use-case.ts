import type { LeaderRecipients } from '#shared/schemas/settings';
import type { SettingsDeps } from '../deps';

export type StoredLeaderRecipients = LeaderRecipients & { updatedAt?: string; updatedBy?: string };

/** Nothing configured yet reads as an empty list (bulletin mails and digests then go to nobody). */
export async function getLeaderRecipients(
  deps: Pick<SettingsDeps, 'leaders'>,
): Promise<StoredLeaderRecipients> {
  return (await deps.leaders.getLeaderRecipients()) ?? { recipients: [] };
}
