/** The mailer's stores and SES sender against the real local DynamoDB and SES emulator. */
import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { MailerDeps } from '../../../functions/mailer/deps';
import { DynamoAlertItemReader } from '../../../functions/mailer/item-reader';
import { sendEntries } from '../../../functions/mailer/send-entry/use-case';
import { sweepOutbox } from '../../../functions/mailer/sweep-outbox/use-case';
import { DynamoBulletinStore } from '../../../shared/store/dynamo/bulletins';
import type { TableRef } from '../../../shared/store/dynamo/client';
import { keys } from '../../../shared/store/dynamo/keys';
import { DynamoOutboxStore } from '../../../shared/store/dynamo/outbox';
import { DynamoSeriesStore } from '../../../shared/store/dynamo/series';
import { DynamoSettingsStore } from '../../../shared/store/dynamo/settings';
import { DynamoUnitStore } from '../../../shared/store/dynamo/units';
import { SesMailSender } from '../../../shared/store/ses/mail-sender';
import { freshTable, localSes, mailbox, seedUrgentItem } from './support';

let table: TableRef;
let deps: MailerDeps;
const silent = { info: () => {}, warn: () => {}, error: () => {} };

beforeAll(async () => {
  table = await freshTable(inject('dynamodbEndpoint'));
  deps = {
    outbox: new DynamoOutboxStore(table),
    items: new DynamoAlertItemReader(table),
    units: new DynamoUnitStore(table),
    settings: new DynamoSettingsStore(table),
    bulletins: new DynamoBulletinStore(table),
    leaders: new DynamoSettingsStore(table),
    series: new DynamoSeriesStore(table),
    sender: new SesMailSender({ from: 'xinbao@localhost' }, localSes(inject('sesEndpoint'))),
    now: () => new Date(),
    log: silent,
  };
});

afterAll(() => table?.client.destroy());

const addresses = (count: number) =>
  Array.from({ length: count }, (_, index) => `duty${index}-${randomUUID().slice(0, 8)}@example.gov.cn`);

describe('urgent-item alert through the local SES emulator', () => {
  it('lands in the mailbox, once per recipient, with a readable Chinese subject and both parts', async () => {
    const recipients = addresses(2);
    const { itemId, messageId } = await seedUrgentItem(table, recipients);
    const first = await sendEntries(deps, [messageId]);
    expect(first, JSON.stringify(await deps.outbox.get(messageId))).toMatchObject({ sent: 1 });

    const mails = (await mailbox(inject('sesEndpoint'))).filter((mail) =>
      mail.destination.to.some((to) => recipients.includes(to)),
    );
    expect(mails.map((mail) => mail.destination.to).sort()).toEqual(recipients.map((to) => [to]).sort());
    for (const mail of mails) {
      expect(mail.from).toBe('xinbao@localhost');
      expect(mail.subject).toBe('【重要紧急信息】临朐县人民政府：我市遭遇强降雨<b>紧急</b>');
      expect(mail.body.text).toContain('市应急局启动Ⅳ级应急响应');
      expect(mail.body.text).toContain(itemId);
      expect(mail.body.html).toContain('我市遭遇强降雨&lt;b&gt;紧急&lt;/b&gt;');
      expect(mail.body.html).toContain('0536-7654321');
    }

    const { Item } = await table.client.send(
      new GetCommand({ TableName: table.tableName, Key: keys.outbox(messageId) }),
    );
    expect(Item).toMatchObject({ status: 'sent', attempts: 1, sentTo: recipients });
    expect(Item?.gsi3pk).toBeUndefined();
    expect(Item?.gsi3sk).toBeUndefined();

    // Repeated invocations and the sweep send nothing more.
    await sendEntries(deps, [messageId, messageId]);
    await sweepOutbox(deps);
    const again = (await mailbox(inject('sesEndpoint'))).filter((mail) =>
      mail.destination.to.some((to) => recipients.includes(to)),
    );
    expect(again).toHaveLength(2);
  });

  it('the claim is conditional in DynamoDB: a second claim within the lease loses', async () => {
    const { messageId } = await seedUrgentItem(table, addresses(1));
    const outbox = new DynamoOutboxStore(table);
    const now = new Date();
    expect((await outbox.claim(messageId, 8, now)).kind).toBe('claimed');
    expect((await outbox.claim(messageId, 8, now)).kind).toBe('busy');
    await outbox.recordFailure(messageId, 'MessageRejected: test', now.toISOString(), false);
    expect(await outbox.get(messageId)).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: 'MessageRejected: test',
    });
    expect(await outbox.listPending(new Date().toISOString(), 50)).toEqual(
      expect.arrayContaining([expect.objectContaining({ messageId })]),
    );
    await outbox.recordFailure(messageId, 'MessageRejected: final', now.toISOString(), true);
    expect((await outbox.claim(messageId, 8, now)).kind).toBe('settled');
    expect(
      (await outbox.listPending(new Date().toISOString(), 50)).map((entry) => entry.messageId),
    ).not.toContain(messageId);
  });
});
