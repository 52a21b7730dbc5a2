import { describe, expect, it } from 'vitest';
import { getDutyRecipients } from '#functions/settings/get-duty-recipients/use-case';
import { putDutyRecipients } from '#functions/settings/put-duty-recipients/use-case';
import { MemorySettings } from './memory-outbox';

const now = () => new Date('2026-11-25T02:00:00.000Z');

describe('settings: duty recipients', () => {
  it('reads an empty list before anything is configured', async () => {
    expect(await getDutyRecipients({ settings: new MemorySettings() })).toEqual({ recipients: [] });
  });

  it('replaces the list and records who changed it and when', async () => {
    const settings = new MemorySettings();
    const deps = { settings, now };
    const value = {
      recipients: [
        { name: '值班员甲', email: 'duty-a@example.gov.cn' },
        { name: '值班员乙', email: 'duty-b@example.gov.cn' },
      ],
    };
    const stored = await putDutyRecipients(deps, value, 'tok-admin');
    expect(stored).toEqual({ ...value, updatedAt: '2026-11-25T02:00:00.000Z', updatedBy: 'tok-admin' });
    expect(await getDutyRecipients(deps)).toEqual(stored);
    await putDutyRecipients(deps, { recipients: [] }, 'tok-admin-2');
    expect(await getDutyRecipients(deps)).toMatchObject({ recipients: [], updatedBy: 'tok-admin-2' });
  });

  it('refuses the same address twice and stores nothing', async () => {
    const settings = new MemorySettings();
    await expect(
      putDutyRecipients(
        { settings, now },
        {
          recipients: [
            { name: '甲', email: 'a@example.gov.cn' },
            { name: '乙', email: 'A@Example.gov.cn' },
          ],
        },
        'tok-admin',
      ),
    ).rejects.toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      details: [{ path: 'recipients.1.email', message: '与第 1 位收件人的邮箱重复' }],
    });
    expect(settings.value).toBeUndefined();
  });
});
