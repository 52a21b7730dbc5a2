import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CommissionReminderDeps } from '#functions/jobs/commission-reminders/deps';
import {
  commissionReminderJob,
  sendCommissionReminders,
} from '#functions/jobs/commission-reminders/use-case';
import { renderCommissionReminder } from '#shared/mail/commission-reminder';
import type { Unit } from '#shared/schemas/units';
import type { StoredCommission, StoredCommissionUnit } from '#shared/store/dynamo/commissions';
import { type JobMailStore, jobMailKey } from '#shared/store/dynamo/job-mail';
import { SesMailSender } from '#shared/store/ses/mail-sender';
import { sdkSes } from '../../support/sdk-ses';

const ses = mockClient(SESClient);

class MemoryMarks implements JobMailStore {
  readonly rows = new Map<string, 'claimed' | 'sent'>();
  private key(job: string, period: string, email: string) {
    const { pk, sk } = jobMailKey(job, period, email);
    return `${pk}|${sk}`;
  }
  async claim(job: string, period: string, email: string) {
    const key = this.key(job, period, email);
    if (this.rows.has(key)) return false;
    this.rows.set(key, 'claimed');
    return true;
  }
  async markSent(job: string, period: string, email: string) {
    this.rows.set(this.key(job, period, email), 'sent');
  }
  async release(job: string, period: string, email: string) {
    const key = this.key(job, period, email);
    if (this.rows.get(key) === 'claimed') this.rows.delete(key);
  }
  async sentCount(job: string, period: string) {
    const prefix = `${jobMailKey(job, period, '').pk}|`;
    return [...this.rows].filter(([key, status]) => key.startsWith(prefix) && status === 'sent').length;
  }
  async claimedAddresses(job: string, period: string) {
    const prefix = `${jobMailKey(job, period, '').pk}|`;
    return new Set(
      [...this.rows.keys()].filter((key) => key.startsWith(prefix)).map((key) => key.slice(prefix.length)),
    );
  }
}

const unit = (id: string, name: string, email: string, active = true) =>
  ({ id, name, class: 'county', active, contacts: [{ name: '信息员', phone: '0536-1', email }] }) as Unit;

const units = [
  unit('linqu', '临朐县', 'a@linqu.gov.cn'),
  unit('qingzhou', '青州市', 'c@qingzhou.gov.cn'),
  unit('gaomi', '高密市', 'g@gaomi.gov.cn'),
  unit('old', '撤并单位', 'old@city.gov.cn', false),
];

/** 09:00 Shanghai on 25 November 2026. */
const scheduled = '2026-11-25T01:00:00.000Z';

function commission(
  commissionId: string,
  topic: string,
  deadline: string,
  pending: string[],
  answered: string[],
) {
  const head: StoredCommission = {
    commissionId,
    topic,
    requirements: '围绕冬季供暖保障，突出做法和成效。\n1500字以内。',
    deadline,
    year: Number(deadline.slice(0, 4)),
    targetAll: false,
    unitCount: pending.length + answered.length,
    createdAt: '2026-11-01T00:00:00.000Z',
    createdBy: 'tok-editor',
  };
  const row = (unitId: string, status: 'pending' | 'answered'): StoredCommissionUnit => ({
    ...head,
    unitId,
    status,
    ...(status === 'answered' ? { itemId: 'it_x', answeredAt: '2026-11-20T00:00:00.000Z' } : {}),
  });
  return {
    commission: head,
    units: [...pending.map((id) => row(id, 'pending')), ...answered.map((id) => row(id, 'answered'))],
  };
}

let marks: MemoryMarks;
let stored: ReturnType<typeof commission>[];
let deps: CommissionReminderDeps;

beforeEach(() => {
  ses.reset();
  ses.on(SendEmailCommand).resolves({ MessageId: 'ses-1' });
  marks = new MemoryMarks();
  stored = [
    // Due in two days: linqu and the inactive unit have not answered, qingzhou has.
    commission('cm_soon', '冬季供暖保障工作情况', '2026-11-27T09:00:00.000Z', ['linqu', 'old'], ['qingzhou']),
    // Due in five days: not yet.
    commission('cm_later', '年终总结', '2026-11-30T09:00:00.000Z', ['gaomi'], []),
    // Already past: the overdue report's business, not a reminder.
    commission('cm_past', '秋粮收购', '2026-11-24T09:00:00.000Z', ['gaomi'], []),
  ];
  deps = {
    commissions: {
      ofYear: async (year) =>
        stored.filter((entry) => entry.commission.year === year).map((entry) => entry.commission),
      get: async (id) => stored.find((entry) => entry.commission.commissionId === id),
    },
    units: { list: async () => units },
    marks,
    sender: new SesMailSender({ from: 'xinbao@example.gov.cn' }, sdkSes(new SESClient({}))),
    now: () => new Date('2026-11-25T01:00:05.000Z'),
  };
});

const sent = () =>
  ses.commandCalls(SendEmailCommand).map((call) => ({
    to: call.args[0].input.Destination?.ToAddresses?.[0],
    subject: call.args[0].input.Message?.Subject?.Data,
    text: call.args[0].input.Message?.Body?.Text?.Data ?? '',
  }));

describe('约稿 reminders', () => {
  it('reminds each active unit that has not answered a 约稿 due within 3 days, once', async () => {
    const first = await sendCommissionReminders(deps, scheduled);
    expect(first).toMatchObject({ job: 'commission-reminder', commissions: 1, units: 1, sent: 1, failed: 0 });
    expect(sent()).toEqual([
      {
        to: 'a@linqu.gov.cn',
        subject: '【约稿提醒】“冬季供暖保障工作情况”11月27日截止',
        text: expect.stringContaining('约稿“冬季供暖保障工作情况”将于2026年11月27日 17:00（北京时间）截止'),
      },
    ]);
    expect(sent()[0]?.text).toContain('约稿编号 cm_soon');

    // The next day the same 约稿 is still inside the window: nobody is reminded twice.
    deps.now = () => new Date('2026-11-26T01:00:05.000Z');
    const nextDay = await sendCommissionReminders(deps, '2026-11-26T01:00:00.000Z');
    expect(nextDay).toMatchObject({ sent: 0, skipped: 1 });
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(1);
    expect(await marks.sentCount(commissionReminderJob, 'cm_soon#linqu')).toBe(1);
  });

  it('is quiet when nothing falls due', async () => {
    stored = stored.filter((entry) => entry.commission.commissionId !== 'cm_soon');
    const result = await sendCommissionReminders(deps, scheduled);
    expect(result).toMatchObject({ commissions: 0, recipients: 0, sent: 0 });
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(0);
  });

  it('an SES refusal is retried by the next run, never doubled', async () => {
    ses.on(SendEmailCommand).rejectsOnce(new Error('Throttling')).resolves({ MessageId: 'ses-2' });
    expect(await sendCommissionReminders(deps, scheduled)).toMatchObject({ sent: 0, failed: 1 });
    expect(await sendCommissionReminders(deps, scheduled)).toMatchObject({ sent: 1, failed: 0 });
    expect(await sendCommissionReminders(deps, scheduled)).toMatchObject({ sent: 0, skipped: 1 });
  });

  it('refuses a scheduled time in the future', async () => {
    await expect(sendCommissionReminders(deps, '2026-12-01T01:00:00.000Z')).rejects.toThrow(/尚未到来/);
  });

  it('escapes what the editor typed and keeps the subject short', () => {
    const mail = renderCommissionReminder({
      unitName: '<b>某局</b>',
      commissionId: 'cm_1',
      topic: '关于<script>进一步做好今冬明春安全生产工作的情况报告',
      requirements: '<img src=x>',
      deadline: '2026-11-27T09:00:00.000Z',
    });
    expect(mail.subject).toBe('【约稿提醒】“关于<script>进一步做好今…”11月27日截止');
    expect(mail.html).not.toMatch(/<script>|<img|<b>某局/);
    expect(mail.html).toContain('&lt;img src=x&gt;');
  });
});
