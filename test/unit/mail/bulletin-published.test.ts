import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import type { MailerDeps } from '#functions/mailer/deps';
import { sendEntries } from '#functions/mailer/send-entry/use-case';
import { archivePageUrl, issueLabel, renderBulletinPublished } from '#shared/mail/bulletin-published';
import type { Bulletin } from '#shared/schemas/bulletins';
import type { OutboxEntry } from '#shared/store/ports';
import { SesMailSender } from '#shared/store/ses/mail-sender';
import { bulletinItem, publishedBulletin } from '../../fixtures/bulletins';
import { sdkSes } from '../../support/sdk-ses';
import { MemoryLeaders, MemoryOutbox, MemorySeries, MemorySettings } from './memory-outbox';

const bulletin: Bulletin = publishedBulletin({
  items: [
    bulletinItem({
      itemId: 'it_01',
      unitId: 'weicheng',
      coUnits: [],
      unitNames: ['潍城区人民政府'],
      title: '潍城区<script>alert("x")</script>优化营商环境 & 服务',
      body: '正文',
      openness: 'public',
    }),
    bulletinItem({
      itemId: 'it_02',
      unitId: 'swj',
      coUnits: ['fgw'],
      unitNames: ['市商务局', '市发展改革委'],
      title: '我市外贸\n进出口逆势增长',
      body: '正文',
      openness: 'internal',
    }),
  ],
});

describe('bulletin-published mail', () => {
  const link = 'https://archive.example.gov.cn/2026/zwxx/12/';
  const mail = renderBulletinPublished({ bulletin, archiveLink: link, officeName: '潍坊市人民政府办公室' });

  it('has a readable Chinese subject naming the issue', () => {
    expect(mail.subject).toBe('《政务信息》2026年第12期（总第287期）已发布');
    expect(issueLabel({ ...bulletin, seriesName: '政务\n信息' })).toBe(
      '《政务 信息》2026年第12期（总第287期）',
    );
  });

  it('lists every title with its units in both parts, and the link', () => {
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain('潍城区人民政府');
      expect(part).toContain('市商务局、市发展改革委');
      expect(part).toContain('我市外贸 进出口逆势增长');
      expect(part).toContain('〔内部〕');
      expect(part).toContain('张明');
      expect(part).toContain('2026年11月25日 10:00');
      expect(part).toContain(link);
      expect(part).toContain('潍坊市人民政府办公室');
    }
    expect(mail.text).toContain('1. 潍城区<script>alert("x")</script>优化营商环境 & 服务（潍城区人民政府）');
    expect(mail.text).toContain('2. 〔内部〕我市外贸 进出口逆势增长（市商务局、市发展改革委）');
    expect(mail.html).toContain(`href="${link}"`);
    expect(mail.html).toContain('<meta name="viewport"');
  });

  it('escapes user text in the HTML part', () => {
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain(
      '潍城区&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;优化营商环境 &amp; 服务',
    );
    const hostile = renderBulletinPublished({
      bulletin: {
        ...bulletin,
        seriesName: '<b>刊</b>',
        signer: '"><img src=x>',
        items: [{ ...bulletin.items[0], unitNames: ['<u>单位</u>'] } as Bulletin['items'][number]],
      },
      archiveLink: 'https://a.example/"onmouseover="x',
    });
    expect(hostile.html).not.toMatch(/<b>|<img|<u>|"onmouseover/);
    expect(hostile.html).toContain('&lt;u&gt;单位&lt;/u&gt;');
  });

  it('has no link line without a link, and no 内部 note without internal items', () => {
    const plain = renderBulletinPublished({
      bulletin: { ...bulletin, items: [bulletin.items[0]] } as Bulletin,
    });
    expect(plain.text).not.toContain('在线阅读');
    expect(plain.html).not.toContain('<a ');
    expect(plain.text).not.toContain('内部');
  });

  it('builds the archive URL only when configured, archived and numbered', () => {
    expect(archivePageUrl('https://archive.example.gov.cn/', bulletin, true)).toBe(
      'https://archive.example.gov.cn/2026/zwxx/12/',
    );
    expect(archivePageUrl('https://x.example/site', bulletin, true)).toBe(
      'https://x.example/site/2026/zwxx/12/',
    );
    expect(archivePageUrl(undefined, bulletin, true)).toBeUndefined();
    expect(archivePageUrl('https://x.example', bulletin, false)).toBeUndefined();
    expect(archivePageUrl('https://x.example', { ...bulletin, number: undefined }, true)).toBeUndefined();
    expect(archivePageUrl('javascript:alert(1)', bulletin, true)).toBeUndefined();
  });
});

const ses = mockClient(SESClient);

describe('mailer: bulletin-published entries', () => {
  let outbox: MemoryOutbox;
  let leaders: MemoryLeaders;
  let series: MemorySeries;
  let stored: Bulletin | undefined;
  let deps: MailerDeps;
  const logged: { level: string; message: string }[] = [];

  const entry = (messageId: string, overrides: Partial<OutboxEntry> = {}): OutboxEntry => ({
    messageId,
    kind: 'bulletin-published',
    refId: bulletin.bulletinId,
    createdAt: '2026-11-25T02:00:00.000Z',
    status: 'pending',
    attempts: 0,
    sentTo: [],
    ...overrides,
  });
  const calls = () => ses.commandCalls(SendEmailCommand).map((call) => call.args[0].input);
  const recipients = () => calls().map((input) => input.Destination?.ToAddresses?.[0] ?? '');

  beforeEach(() => {
    ses.reset();
    ses.on(SendEmailCommand).resolves({ MessageId: 'ses-1' });
    logged.length = 0;
    outbox = new MemoryOutbox();
    leaders = new MemoryLeaders();
    leaders.value = {
      recipients: [
        { name: '王市长', email: 'mayor@example.gov.cn', bulletins: true, digest: 'daily' },
        { name: '李秘书长', email: 'sg@example.gov.cn', bulletins: false, digest: 'weekly' },
        { name: '赵主任', email: 'Director@Example.gov.cn', bulletins: true, digest: 'off' },
      ],
    };
    series = new MemorySeries();
    stored = bulletin;
    const log = (level: string) => (message: string) => {
      logged.push({ level, message });
    };
    deps = {
      outbox,
      items: { get: async () => undefined },
      units: { get: async () => undefined },
      settings: new MemorySettings(),
      bulletins: { get: async (id) => (id === stored?.bulletinId ? stored : undefined) },
      leaders,
      series,
      archiveUrl: 'https://archive.example.gov.cn',
      officeName: '潍坊市人民政府办公室',
      sender: new SesMailSender({ from: 'xinbao@example.gov.cn' }, sdkSes(new SESClient({}))),
      now: () => new Date('2026-11-25T02:00:01.000Z'),
      log: { info: log('info'), warn: log('warn'), error: log('error') },
    };
  });

  it('mails only leaders with bulletins: true, one message each, with the Chinese subject and the link', async () => {
    outbox.put(entry('m1'));
    expect(await sendEntries(deps, ['m1'])).toEqual({ sent: 1, retry: 0, failed: 0, skipped: 0 });
    expect(recipients()).toEqual(['mayor@example.gov.cn', 'director@example.gov.cn']);
    for (const input of calls()) {
      expect(input.Message?.Subject).toEqual({
        Data: '《政务信息》2026年第12期（总第287期）已发布',
        Charset: 'UTF-8',
      });
      expect(input.Message?.Body?.Text?.Data).toContain('https://archive.example.gov.cn/2026/zwxx/12/');
      expect(input.Message?.Body?.Html?.Data).not.toContain('<script>');
    }
    expect(await outbox.get('m1')).toMatchObject({ status: 'sent', sentTo: recipients() });
  });

  it('is idempotent: re-invocations and retries send nothing twice', async () => {
    outbox.put(entry('m1'));
    await sendEntries(deps, ['m1', 'm1']);
    await sendEntries(deps, ['m1']);
    expect(recipients()).toHaveLength(2);

    // A retry after a partial send mails only those not yet in sentTo.
    ses.resetHistory();
    outbox.put(entry('m2', { sentTo: ['mayor@example.gov.cn'], attempts: 1 }));
    await sendEntries(deps, ['m2']);
    expect(recipients()).toEqual(['director@example.gov.cn']);
  });

  it('has no link when the series is not archived or no archive URL is set', async () => {
    series.value = (await series.list()).map((s) => (s.seriesId === 'zwxx' ? { ...s, archived: false } : s));
    outbox.put(entry('m1'));
    await sendEntries(deps, ['m1']);
    expect(calls()[0]?.Message?.Body?.Text?.Data).not.toContain('https://');
    ses.resetHistory();
    series.value = undefined;
    deps.archiveUrl = undefined;
    outbox.put(entry('m2'));
    await sendEntries(deps, ['m2']);
    expect(calls()[0]?.Message?.Body?.Text?.Data).not.toContain('https://');
  });

  it('sends nothing, and settles the entry, when no leader wants bulletins or the bulletin was withdrawn', async () => {
    leaders.value = undefined;
    outbox.put(entry('m1'));
    expect(await sendEntries(deps, ['m1'])).toMatchObject({ sent: 1 });
    stored = { ...bulletin, status: 'withdrawn' };
    leaders.value = {
      recipients: [{ name: '王市长', email: 'mayor@example.gov.cn', bulletins: true, digest: 'daily' }],
    };
    outbox.put(entry('m2'));
    expect(await sendEntries(deps, ['m2'])).toMatchObject({ sent: 1 });
    expect(recipients()).toEqual([]);
    expect(logged.filter((line) => line.level === 'warn')).toHaveLength(2);
  });

  it('retries when the bulletin cannot be found', async () => {
    outbox.put(entry('m1', { refId: 'bl_missingmissingmissing00' }));
    expect(await sendEntries(deps, ['m1'])).toMatchObject({ retry: 1 });
    expect((await outbox.get('m1'))?.lastError).toContain('not found');
  });
});
