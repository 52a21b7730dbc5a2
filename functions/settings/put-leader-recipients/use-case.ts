import { ValidationError } from '#shared/errors';
import type { LeaderRecipients } from '#shared/schemas/settings';
import type { SettingsDeps } from '../deps';
import { duplicateEmailDetails } from '../duplicate-emails';
import type { StoredLeaderRecipients } from '../get-leader-recipients/use-case';

/** Replaces the list; one address may appear once (case-insensitively), so no leader gets a mail twice. */
export async function putLeaderRecipients(
  deps: Pick<SettingsDeps, 'leaders' | 'now'>,
  value: LeaderRecipients,
  updatedBy: string,
): Promise<StoredLeaderRecipients> {
  const details = duplicateEmailDetails(value.recipients);
  if (details.length > 0) throw new ValidationError(details, '领导收件人的邮箱不能重复');
  const updatedAt = deps.now().toISOString();
  await deps.leaders.putLeaderRecipients(value, updatedBy, updatedAt);
  return { recipients: value.recipients, updatedAt, updatedBy };
}
