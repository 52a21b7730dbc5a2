import { randomUUID } from 'node:crypto';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { localCredentials, localDynamoClient, localRegion } from '../../../infra/local/aws';
import { ensureTable } from '../../../infra/local/provision';
import type { Bulletin } from '../../../shared/schemas/bulletins';
import type { Item } from '../../../shared/schemas/items';
import { documentClient, type TableRef } from '../../../shared/store/dynamo/client';
import { keys } from '../../../shared/store/dynamo/keys';
import { outboxPut } from '../../../shared/store/dynamo/outbox';
import { DynamoSettingsStore } from '../../../shared/store/dynamo/settings';
import { DynamoUnitStore } from '../../../shared/store/dynamo/units';
import { type SesApi, sesApi } from '../../../shared/store/ses/ses-api';
import { bulletinItem, publishedBulletin } from '../../fixtures/bulletins';

export interface StoredMail {
  messageId: string;
  from: string;
  destination: { to: string[] };
  subject: string;
  body: { text?: string; html?: string };
}

export async function mailbox(sesEndpoint: string): Promise<StoredMail[]> {
  const response = await fetch(`${sesEndpoint}/store`);
  const json = (await response.json()) as { emails: StoredMail[] };
  return json.emails;
}

/** The functions' own SES call (a signed SendEmail POST), aimed at the local emulator. */
export function localSes(endpoint: string): SesApi {
  return sesApi(() => ({ endpoint, region: localRegion, credentials: localCredentials }));
}

export async function freshTable(dynamodbEndpoint: string): Promise<TableRef> {
  const client = localDynamoClient(dynamodbEndpoint);
  const tableName = `mail-${randomUUID().slice(0, 8)}`;
  await ensureTable(client, tableName);
  return { client: documentClient(client), tableName };
}

/** A unit, an important item and its outbox entry (written as the submit transaction will), and duty recipients. */
export async function seedUrgentItem(table: TableRef, recipients: string[]) {
  const suffix = randomUUID().slice(0, 8);
  const unitId = `linqu-${suffix}`;
  await new DynamoUnitStore(table).create({
    id: unitId,
    name: '临朐县人民政府',
    class: 'county',
    contacts: [],
    active: true,
    createdAt: '2026-11-24T00:00:00.000Z',
    updatedAt: '2026-11-24T00:00:00.000Z',
    version: 1,
  });
  const itemId = `it_${randomUUID().replaceAll('-', '').slice(0, 24)}`;
  const submittedAt = new Date(Date.now() - 5 * 60_000).toISOString();
  const item: Item = {
    itemId,
    unitId,
    status: 'submitted',
    title: '我市遭遇强降雨<b>紧急</b>',
    body: '11月24日晚，我市遭遇强降雨，市应急局启动Ⅳ级应急响应。',
    eventDate: '2026-11-24',
    urgency: 'important',
    openness: 'internal',
    approver: '王副县长',
    author: { name: '李四', phone: '0536-7654321' },
    submittedAt,
    updatedAt: submittedAt,
    revisions: [],
    findings: [],
    duplicates: [],
    coUnits: [],
    version: 1,
  };
  const messageId = `msg-${suffix}`;
  await table.client.send(
    new TransactWriteCommand({
      TransactItems: [
        { Put: { TableName: table.tableName, Item: { ...keys.item(itemId), ...item } } },
        outboxPut(table.tableName, {
          messageId,
          kind: 'urgent-item',
          refId: itemId,
          createdAt: submittedAt,
          status: 'pending',
          attempts: 0,
          sentTo: [],
        }),
      ],
    }),
  );
  await new DynamoSettingsStore(table).putDutyRecipients(
    { recipients: recipients.map((email, index) => ({ name: `值班员${index + 1}`, email })) },
    'tok-admin',
    submittedAt,
  );
  return { unitId, itemId, messageId };
}

/** A published bulletin and its outbox entry (written as the publish transaction will), and leader recipients. */
export async function seedPublishedBulletin(
  table: TableRef,
  leaders: { email: string; bulletins: boolean }[],
  overrides: Partial<Bulletin> = {},
) {
  const suffix = randomUUID().replaceAll('-', '').slice(0, 24);
  const bulletinId = `bl_${suffix}`;
  const publishedAt = new Date(Date.now() - 5 * 60_000).toISOString();
  const bulletin: Bulletin = publishedBulletin({
    bulletinId,
    items: [bulletinItem({ itemId: `it_${suffix}`, title: '潍城区优化营商环境<b>成效</b>' })],
    distribution: { report: ['省政府办公厅'], send: [], issue: [] },
    createdAt: publishedAt,
    updatedAt: publishedAt,
    publishedAt,
    version: 2,
    ...overrides,
  });

  const messageId = `msg-${suffix.slice(0, 8)}`;
  await table.client.send(
    new TransactWriteCommand({
      TransactItems: [
        { Put: { TableName: table.tableName, Item: { ...keys.bulletin(bulletinId), ...bulletin } } },
        outboxPut(table.tableName, {
          messageId,
          kind: 'bulletin-published',
          refId: bulletinId,
          createdAt: publishedAt,
          status: 'pending',
          attempts: 0,
          sentTo: [],
        }),
      ],
    }),
  );
  await new DynamoSettingsStore(table).putLeaderRecipients(
    {
      recipients: leaders.map((leader, index) => ({
        name: `领导${index + 1}`,
        email: leader.email,
        bulletins: leader.bulletins,
        digest: 'weekly',
      })),
    },
    'tok-admin',
    publishedAt,
  );
  return { bulletin, messageId };
}
