import type { ErrorDetail } from '#shared/errors';

/** One address may appear once (case-insensitively), so nobody gets a mail twice. */
export function duplicateEmailDetails(recipients: readonly { email: string }[]): ErrorDetail[] {
  const seen = new Map<string, number>();
  const details: ErrorDetail[] = [];
  for (const [index, recipient] of recipients.entries()) {
    const email = recipient.email.trim().toLowerCase();
    const first = seen.get(email);
    if (first !== undefined) {
      details.push({ path: `recipients.${index}.email`, message: `与第 ${first + 1} 位收件人的邮箱重复` });
    } else seen.set(email, index);
  }
  return details;
}
