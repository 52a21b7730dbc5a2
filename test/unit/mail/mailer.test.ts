import {
  MessageRejected,
  SESClient,
  SendEmailCommand,
  type SendEmailCommandInput,
} from '@aws-sdk/client-ses';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AlertItem, MailerDeps } from '#functions/mailer/deps';
import { maxAttempts } from '#functions/mailer/deps';
import { runMailer } from '#functions/mailer/run';
import { sendEntries } from '#functions/mailer/send-entry/use-case';
import { sweepOutbox } from '#functions/mailer/sweep-outbox/use-case';
import type { Unit } from '#shared/schemas/units';
import type { OutboxEntry } from '#shared/store/ports';
import { SesMailSender } from '#shared/store/ses/mail-sender';
import { sdkSes } from '../../support/sdk-ses';
import { MemoryLeaders, MemoryOutbox, MemorySeries, MemorySettings } from './memory-outbox';

const ses = mockClient(SESClient);

const item: AlertItem = {
  itemId: 'item-1',
  unitId: 'linqu',
  title: '我市突发暴雨',
  body: '正文',
  eventDate: '2026-11-24',
  submittedAt: '2026-11-24T16:05:00.000Z',
  approver: '王副县长',
  author: { name: '李四', phone: '0536-7654321' },
};
const unit = { id: 'linqu', name: '临朐县人民政府' } as Unit;

const entry = (messageId: string, overrides: Partial<OutboxEntry> = {}): OutboxEntry => ({
  messageId,
  kind: 'urgent-item',
  refId: 'item-1',
  createdAt: '2026-11-24T16:05:00.000Z',
  status: 'pending',
  attempts: 0,
  sentTo: [],
  ...overrides,
});

const logged: { level: string; message: string }[] = [];
let outbox: MemoryOutbox;
let settings: MemorySettings;
let clock: Date;
let deps: MailerDeps;

function recipientsOfCalls(): string[] {
  return ses
    .commandCalls(SendEmailCommand)
    .map((call) => call.args[0].input.Destination?.ToAddresses?.[0] ?? '');
}

beforeEach(() => {
  ses.reset();
  ses.on(SendEmailCommand).resolves({ MessageId: 'ses-1' });
  logged.length = 0;
  outbox = new MemoryOutbox();
  settings = new MemorySettings();
  settings.value = {
    recipients: [
      { name: '甲', email: 'a@example.gov.cn' },
      { name: '乙', email: 'b@example.gov.cn' },
      { name: '丙', email: 'c@example.gov.cn' },
    ],
  };
  clock = new Date('2026-11-24T16:05:01.000Z');
  const log = (level: string) => (message: string) => {
    logged.push({ level, message });
  };
  deps = {
    outbox,
    items: { get: async (id) => (id === item.itemId ? item : undefined) },
    units: { get: async (id) => (id === unit.id ? unit : undefined) },
    settings,
    bulletins: { get: async () => undefined },
    leaders: new MemoryLeaders(),
    series: new MemorySeries(),
    sender: new SesMailSender(
      { from: 'xinbao@example.gov.cn', configurationSet: 'xinbao-mail' },
      sdkSes(new SESClient({})),
    ),
    now: () => clock,
    log: { info: log('info'), warn: log('warn'), error: log('error') },
  };
});

describe('mailer: sending an outbox entry', () => {
  it('sends one message per recipient with both parts in UTF-8, then marks the entry sent', async () => {
    outbox.put(entry('m1'));
    expect(await sendEntries(deps, ['m1'])).toEqual({ sent: 1, retry: 0, failed: 0, skipped: 0 });
    expect(recipientsOfCalls()).toEqual(['a@example.gov.cn', 'b@example.gov.cn', 'c@example.gov.cn']);
    const input = ses.commandCalls(SendEmailCommand)[0]?.args[0].input;
    expect(input).toMatchObject({
      Source: 'xinbao@example.gov.cn',
      ConfigurationSetName: 'xinbao-mail',
      Message: {
        Subject: { Data: '【重要紧急信息】临朐县人民政府：我市突发暴雨', Charset: 'UTF-8' },
        Body: { Text: { Charset: 'UTF-8' }, Html: { Charset: 'UTF-8' } },
      },
    });
    expect(await outbox.get('m1')).toMatchObject({
      status: 'sent',
      attempts: 1,
      sentTo: recipientsOfCalls(),
    });
    expect(outbox.entries.get('m1')?.pending).toBe(false);
  });

  it('omits the configuration set when none is configured', async () => {
    deps.sender = new SesMailSender({ from: 'xinbao@example.gov.cn' }, sdkSes(new SESClient({})));
    outbox.put(entry('m1'));
    await sendEntries(deps, ['m1']);
    expect(ses.commandCalls(SendEmailCommand)[0]?.args[0].input.ConfigurationSetName).toBeUndefined();
  });

  it('keeps a refused entry pending with the recipients already mailed; a rerun mails only the others', async () => {
    let refusals = 1;
    ses.on(SendEmailCommand).callsFake((input: SendEmailCommandInput) => {
      if (input.Destination?.ToAddresses?.[0] === 'b@example.gov.cn' && refusals-- > 0) {
        throw new MessageRejected({ message: 'Email address is not verified.', $metadata: {} });
      }
      return { MessageId: 'ses-2' };
    });
    outbox.put(entry('m1'));
    expect(await sendEntries(deps, ['m1'])).toMatchObject({ retry: 1 });
    expect(await outbox.get('m1')).toMatchObject({
      status: 'pending',
      attempts: 1,
      sentTo: ['a@example.gov.cn'],
      lastError: 'MessageRejected: Email address is not verified.',
    });
    expect(logged).toContainEqual({
      level: 'warn',
      message: 'outbox entry attempt failed; left for the sweep',
    });

    ses.resetHistory();
    expect(await sendEntries(deps, ['m1'])).toMatchObject({ sent: 1 });
    expect(recipientsOfCalls()).toEqual(['b@example.gov.cn', 'c@example.gov.cn']);
    expect(await outbox.get('m1')).toMatchObject({
      status: 'sent',
      attempts: 2,
      sentTo: ['a@example.gov.cn', 'b@example.gov.cn', 'c@example.gov.cn'],
    });
  });

  it('is idempotent: repeated invocations after success send nothing', async () => {
    outbox.put(entry('m1'));
    await sendEntries(deps, ['m1', 'm1']);
    await sendEntries(deps, ['m1']);
    expect(recipientsOfCalls()).toHaveLength(3);
  });

  it('ends as failed, with an error log, when the last attempt fails', async () => {
    ses.on(SendEmailCommand).rejects(new MessageRejected({ message: 'nope', $metadata: {} }));
    outbox.put(entry('m1', { attempts: maxAttempts - 1 }));
    expect(await sendEntries(deps, ['m1'])).toMatchObject({ failed: 1 });
    expect(await outbox.get('m1')).toMatchObject({ status: 'failed', attempts: maxAttempts });
    expect(outbox.entries.get('m1')?.pending).toBe(false);
    expect(logged).toContainEqual({ level: 'error', message: 'outbox entry failed after every attempt' });
  });

  it('settles a pending entry whose attempts are used up without sending', async () => {
    outbox.put(entry('m1', { attempts: maxAttempts }));
    expect(await sendEntries(deps, ['m1'])).toMatchObject({ failed: 1 });
    expect(recipientsOfCalls()).toEqual([]);
    expect((await outbox.get('m1'))?.status).toBe('failed');
  });

  it('skips an entry another sender has claimed, and takes it once the lease expired', async () => {
    outbox.put(entry('m1'));
    await outbox.claim('m1', maxAttempts, clock);
    expect(await sendEntries(deps, ['m1'])).toEqual({ sent: 0, retry: 0, failed: 0, skipped: 1 });
    expect(recipientsOfCalls()).toEqual([]);
    clock = new Date(clock.getTime() + 3 * 60_000);
    expect(await sendEntries(deps, ['m1'])).toMatchObject({ sent: 1 });
  });

  it('two concurrent senders mail each recipient once', async () => {
    outbox.put(entry('m1'));
    await Promise.all([sendEntries(deps, ['m1']), sendEntries(deps, ['m1'])]);
    expect(recipientsOfCalls().sort()).toEqual(['a@example.gov.cn', 'b@example.gov.cn', 'c@example.gov.cn']);
  });

  it('skips unknown and already sent entries', async () => {
    outbox.put(entry('done', { status: 'sent' }));
    expect(await sendEntries(deps, ['missing', 'done'])).toMatchObject({ skipped: 2 });
  });

  it('with no duty recipients marks the entry sent to nobody and warns', async () => {
    settings.value = undefined;
    outbox.put(entry('m1'));
    expect(await sendEntries(deps, ['m1'])).toMatchObject({ sent: 1 });
    expect(await outbox.get('m1')).toMatchObject({ status: 'sent', sentTo: [] });
    expect(logged.some((line) => line.level === 'warn')).toBe(true);
  });

  it('sends once to a recipient listed twice in different case', async () => {
    settings.value = {
      recipients: [
        { name: '甲', email: 'A@example.gov.cn' },
        { name: '甲', email: 'a@example.gov.cn' },
      ],
    };
    outbox.put(entry('m1'));
    await sendEntries(deps, ['m1']);
    expect(recipientsOfCalls()).toEqual(['a@example.gov.cn']);
  });

  it('falls back to the unit id when the unit is missing, and retries when the item is missing', async () => {
    outbox.put(entry('m1', { refId: 'gone' }));
    expect(await sendEntries(deps, ['m1'])).toMatchObject({ retry: 1 });
    expect((await outbox.get('m1'))?.lastError).toContain('item gone not found');
    deps.units = { get: async () => undefined };
    outbox.put(entry('m2'));
    await sendEntries(deps, ['m2']);
    expect(ses.commandCalls(SendEmailCommand)[0]?.args[0].input.Message?.Subject?.Data).toBe(
      '【重要紧急信息】linqu：我市突发暴雨',
    );
  });
});

describe('mailer: the sweep', () => {
  it('sends pending entries older than a minute, oldest first, and leaves fresh ones', async () => {
    clock = new Date('2026-11-24T17:00:00.000Z');
    outbox.put(entry('newer', { createdAt: '2026-11-24T16:30:00.000Z' }));
    outbox.put(entry('older', { createdAt: '2026-11-24T16:00:00.000Z' }));
    outbox.put(entry('fresh', { createdAt: '2026-11-24T16:59:30.000Z' }));
    outbox.put(entry('done', { createdAt: '2026-11-24T15:00:00.000Z', status: 'sent' }));
    settings.value = { recipients: [{ name: '甲', email: 'a@example.gov.cn' }] };
    const order: string[] = [];
    const claim = outbox.claim.bind(outbox);
    outbox.claim = (id, max, now) => {
      order.push(id);
      return claim(id, max, now);
    };
    expect(await sweepOutbox(deps)).toMatchObject({ found: 2, sent: 2 });
    expect(order).toEqual(['older', 'newer']);
    expect((await outbox.get('fresh'))?.status).toBe('pending');
  });

  it('runs on the mail-outbox job event and refuses other jobs', async () => {
    clock = new Date('2026-11-24T17:00:00.000Z');
    outbox.put(entry('m1'));
    const result = await runMailer(deps, { job: 'mail-outbox', scheduledTime: '2026-11-24T17:00:00+08:00' });
    expect(result).toMatchObject({ kind: 'sweep', found: 1, sent: 1 });
    await expect(
      runMailer(deps, { job: 'heartbeat', scheduledTime: '2026-11-24T17:00:00Z' }),
    ).rejects.toThrow(/does not run job/);
    expect(await runMailer(deps, { kind: 'send', messageIds: ['m1'] })).toMatchObject({
      kind: 'send',
      skipped: 1,
    });
  });
});
