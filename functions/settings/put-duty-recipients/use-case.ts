import { ValidationError } from '#shared/errors';
import type { DutyRecipients } from '#shared/schemas/settings';
import type { SettingsDeps } from '../deps';
import { duplicateEmailDetails } from '../duplicate-emails';
import type { StoredDutyRecipients } from '../get-duty-recipients/use-case';

/** Replaces the list; one address may appear once (case-insensitively), so nobody gets an alert twice. */
export async function putDutyRecipients(
  deps: Pick<SettingsDeps, 'settings' | 'now'>,
  value: DutyRecipients,
  updatedBy: string,
): Promise<StoredDutyRecipients> {
  const details = duplicateEmailDetails(value.recipients);
  if (details.length > 0) throw new ValidationError(details, '值班收件人的邮箱不能重复');
  const updatedAt = deps.now().toISOString();
  await deps.settings.putDutyRecipients(value, updatedBy, updatedAt);
  return { recipients: value.recipients, updatedAt, updatedBy };
}
