import { ValidationError } from '#shared/errors';
import type { DutyRecipients } from '#shared/schemas/settings';
import type { SettingsDeps } from '../deps';
import type { StoredDutyRecipients } from '../get-duty-recipients/use-case';

/** Replaces the list; one address may appear once (case-insensitively), so nobody gets an alert twice. */
export async function putDutyRecipients(
  deps: SettingsDeps,
  value: DutyRecipients,
  updatedBy: string,
): Promise<StoredDutyRecipients> {
  const seen = new Map<string, number>();
  const details = [];
  for (const [index, recipient] of value.recipients.entries()) {
    const email = recipient.email.toLowerCase();
    const first = seen.get(email);
    if (first !== undefined) {
      details.push({ path: `recipients.${index}.email`, message: `与第 ${first + 1} 位收件人的邮箱重复` });
    } else seen.set(email, index);
  }
  if (details.length > 0) throw new ValidationError(details, '值班收件人的邮箱不能重复');
  const updatedAt = deps.now().toISOString();
  await deps.settings.putDutyRecipients(value, updatedBy, updatedAt);
  return { recipients: value.recipients, updatedAt, updatedBy };
}
