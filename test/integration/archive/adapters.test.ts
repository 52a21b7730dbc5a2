/** The archive's store adapters against the local DynamoDB and S3 emulators. */
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { localDynamoClient, localS3Client, localS3HttpClient } from '../../../infra/local/aws';
import { ensureBucket, ensureTable } from '../../../infra/local/provision';
import { StaticArchivePublisher } from '../../../shared/archive/publisher';
import type { Bulletin } from '../../../shared/schemas/bulletins';
import { DynamoBulletinStore } from '../../../shared/store/dynamo/bulletins';
import { documentClient, type TableRef } from '../../../shared/store/dynamo/client';
import { keys } from '../../../shared/store/dynamo/keys';
import { S3ArchiveObjects } from '../../../shared/store/s3/archive-objects';
import { bulletin, item } from '../../unit/archive/support';

let table: TableRef;
const s3 = () => localS3Client(inject('s3Endpoint'));

/** Stored as the bulletin store stores it: the record plus its keys and index keys. */
async function save(b: Bulletin) {
  await table.client.send(
    new PutCommand({
      TableName: table.tableName,
      Item: { ...keys.bulletin(b.bulletinId), ...keys.bulletinIndexes(b), type: 'bulletin', ...b },
    }),
  );
  if (b.status === 'published')
    await table.client.send(
      new UpdateCommand({
        TableName: table.tableName,
        Key: keys.settings('ARCHIVE_YEARS'),
        UpdateExpression: 'ADD years :year',
        ExpressionAttributeValues: { ':year': new Set([b.year]) },
      }),
    );
}

beforeAll(async () => {
  const client = localDynamoClient(inject('dynamodbEndpoint'));
  await ensureTable(client, 'archive');
  table = { client: documentClient(client), tableName: 'archive' };
});

afterAll(() => table?.client.destroy());

describe('DynamoBulletinStore', () => {
  it('reads published bulletins of a year newest first, the years set, and any bulletin by id', async () => {
    const store = new DynamoBulletinStore(table);
    const older = bulletin({ number: 1, publishedAt: '2026-01-05T00:00:00.000Z' });
    const newer = bulletin({ number: 2, publishedAt: '2026-02-05T00:00:00.000Z' });
    const draft = bulletin({ status: 'draft', number: undefined, publishedAt: undefined });
    const old = bulletin({ year: 2024, number: 9, publishedAt: '2024-05-05T00:00:00.000Z' });
    for (const b of [older, newer, draft, old]) await save(b);
    expect((await store.ofYear(2026)).map((b) => b.number)).toEqual([2, 1]);
    expect(await store.years()).toEqual([2026, 2024]);
    expect((await store.get(draft.bulletinId))?.status).toBe('draft');
    await save({ ...newer, status: 'withdrawn', version: newer.version + 1 });
    expect((await store.ofYear(2026)).map((b) => b.number)).toEqual([1]);
  });
});

describe('S3ArchiveObjects with the publisher', () => {
  it('puts with content type and cache control, lists past one page, reads and deletes', async () => {
    const bucket = 'archive-objects';
    await ensureBucket(s3(), bucket);
    const objects = new S3ArchiveObjects(localS3HttpClient(inject('s3Endpoint')), bucket);
    await Promise.all(
      Array.from({ length: 1005 }, (_, i) =>
        objects.put(`search/x${i}.json`, '{}', { contentType: 'application/json', cacheControl: 'no-cache' }),
      ),
    );
    expect((await objects.list('search/')).length).toBe(1005);
    await objects.delete('search/x1.json');
    await objects.delete('search/never-there.json');
    expect((await objects.list('search/')).length).toBe(1004);
    expect(await objects.get('search/x2.json')).toBe('{}');
    expect(await objects.get('search/x1.json')).toBeUndefined();
  });

  it('publishes from the table into the bucket', async () => {
    const bucket = 'archive-publish';
    await ensureBucket(s3(), bucket);
    const objects = new S3ArchiveObjects(localS3HttpClient(inject('s3Endpoint')), bucket);
    const store = new DynamoBulletinStore(table);
    const publisher = new StaticArchivePublisher({
      bulletins: store,
      objects,
      isArchivedSeries: () => true,
      officeName: '市人民政府办公室',
    });
    const b = bulletin({
      year: 2023,
      number: 5,
      publishedAt: '2023-03-03T00:00:00.000Z',
      items: [item({ title: '二〇二三年的信息' })],
    });
    await save(b);
    const written = await publisher.bulletinChanged(b);
    expect(written).toContain('2023/zwxx/5/index.html');
    expect(await objects.list('2023/')).toEqual(['2023/index.html', '2023/zwxx/5/index.html']);
  });
});
