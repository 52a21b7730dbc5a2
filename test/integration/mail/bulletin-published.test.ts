/** The leaders' publish mail and the series store against the local DynamoDB and SES emulator. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { MailerDeps } from '../../../functions/mailer/deps';
import { sendEntries } from '../../../functions/mailer/send-entry/use-case';
import { sweepOutbox } from '../../../functions/mailer/sweep-outbox/use-case';
import { defaultSeries } from '../../../shared/domain/series';
import { DynamoBulletinStore } from '../../../shared/store/dynamo/bulletins';
import type { TableRef } from '../../../shared/store/dynamo/client';
import { DynamoOutboxStore } from '../../../shared/store/dynamo/outbox';
import { DynamoSeriesStore } from '../../../shared/store/dynamo/series';
import { DynamoSettingsStore } from '../../../shared/store/dynamo/settings';
import { DynamoUnitStore } from '../../../shared/store/dynamo/units';
import { SesMailSender } from '../../../shared/store/ses/mail-sender';
import { freshTable, localSes, mailbox, seedPublishedBulletin } from './support';

let table: TableRef;
let deps: MailerDeps;
const silent = { info: () => {}, warn: () => {}, error: () => {} };

beforeAll(async () => {
  table = await freshTable(inject('dynamodbEndpoint'));
  const settings = new DynamoSettingsStore(table);
  deps = {
    outbox: new DynamoOutboxStore(table),
    items: { get: async () => undefined },
    units: new DynamoUnitStore(table),
    settings,
    bulletins: new DynamoBulletinStore(table),
    leaders: settings,
    series: new DynamoSeriesStore(table),
    archiveUrl: 'https://archive.example.gov.cn/',
    officeName: '潍坊市人民政府办公室',
    sender: new SesMailSender({ from: 'xinbao@localhost' }, localSes(inject('sesEndpoint'))),
    now: () => new Date(),
    log: silent,
  };
});

afterAll(() => table?.client.destroy());

const address = (name: string) => `${name}-${randomUUID().slice(0, 8)}@example.gov.cn`;

describe('bulletin-published mail through the local SES emulator', () => {
  it('reaches every leader with bulletins: true once, with the Chinese subject, the titles and the link', async () => {
    const wanted = [address('mayor'), address('director')];
    const unwanted = address('sg');
    const { messageId } = await seedPublishedBulletin(table, [
      { email: wanted[0] ?? '', bulletins: true },
      { email: unwanted, bulletins: false },
      { email: wanted[1] ?? '', bulletins: true },
    ]);
    expect(await sendEntries(deps, [messageId])).toMatchObject({ sent: 1 });

    const ours = async () =>
      (await mailbox(inject('sesEndpoint'))).filter((mail) =>
        mail.destination.to.some((to) => [...wanted, unwanted].includes(to)),
      );
    const mails = await ours();
    expect(mails.map((mail) => mail.destination.to).sort()).toEqual(wanted.map((to) => [to]).sort());
    for (const mail of mails) {
      expect(mail.subject).toBe('《政务信息》2026年第12期（总第287期）已发布');
      expect(mail.body.text).toContain('潍城区优化营商环境<b>成效</b>（潍城区人民政府）');
      expect(mail.body.text).toContain('https://archive.example.gov.cn/2026/zwxx/12/');
      expect(mail.body.html).toContain('潍城区优化营商环境&lt;b&gt;成效&lt;/b&gt;');
      expect(mail.body.html).toContain('href="https://archive.example.gov.cn/2026/zwxx/12/"');
    }
    expect(await deps.outbox.get(messageId)).toMatchObject({ status: 'sent', sentTo: wanted });

    // Re-invocation and the sweep send nothing more.
    await sendEntries(deps, [messageId, messageId]);
    await sweepOutbox(deps);
    expect(await ours()).toHaveLength(2);
  });

  it('links only when the series is archived (专报 is not)', async () => {
    const leader = address('leader');
    const { messageId } = await seedPublishedBulletin(table, [{ email: leader, bulletins: true }], {
      seriesId: 'zb',
      seriesName: '专报',
      number: 3,
      total: 40,
    });
    await sendEntries(deps, [messageId]);
    const [mail] = (await mailbox(inject('sesEndpoint'))).filter((m) => m.destination.to.includes(leader));
    expect(mail?.subject).toBe('《专报》2026年第3期（总第40期）已发布');
    expect(mail?.body.text).not.toContain('https://');
  });
});

describe('DynamoSeriesStore against the local DynamoDB', () => {
  it('answers the defaults, saves, refuses a removal and a stale write', async () => {
    const own = await freshTable(inject('dynamodbEndpoint'));
    try {
      const store = new DynamoSeriesStore(own);
      expect(await store.list()).toEqual(defaultSeries);
      const extra = { seriesId: 'dcbg', name: '调查报告', publicOnly: false, archived: false, active: true };
      await store.put([...defaultSeries, extra]);
      expect(await store.list()).toEqual([...defaultSeries, extra]);
      await expect(store.put([...defaultSeries])).rejects.toMatchObject({ code: 'SERIES_REMOVED' });
      await store.put([...defaultSeries, { ...extra, active: false }]);
      expect((await store.list()).at(-1)).toEqual({ ...extra, active: false });
      // Two concurrent saves: one wins, the other is told to reload.
      const results = await Promise.allSettled([
        store.put([...defaultSeries, extra]),
        store.put([...defaultSeries, extra]),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled').length).toBeGreaterThanOrEqual(1);
      for (const r of results)
        if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'SERIES_CHANGED' });
    } finally {
      own.client.destroy();
    }
  });
});
