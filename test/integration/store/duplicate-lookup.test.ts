/** The near-duplicate lookup against the real local store when a bucket is crowded. */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { localDynamoClient } from '../../../infra/local/aws';
import { ensureTable } from '../../../infra/local/provision';
import { lshBuckets, NUM_HASHES } from '../../../shared/domain/quality/index';
import { documentClient, type TableRef } from '../../../shared/store/dynamo/client';
import {
  candidateLimit,
  DynamoDuplicateIndexStore,
  duplicateCandidates,
  duplicateSignaturePut,
  type SignatureRow,
} from '../../../shared/store/dynamo/duplicate-index';

const tableName = 'duplicate-lookup';
let table: TableRef;

/** A signature equal to `probe` in its first `sharedBands` bands (3 minima each), unique elsewhere. */
function signatureLike(probe: readonly number[], sharedBands: number, seed: number): number[] {
  return Array.from({ length: NUM_HASHES + 1 }, (_, index) => {
    if (index === NUM_HASHES) return 200;
    return index < sharedBands * 3 ? (probe[index] ?? 0) : (seed * 1000 + index + 7) >>> 0;
  });
}

async function store(row: SignatureRow): Promise<void> {
  const { Put } = duplicateSignaturePut(tableName, row);
  await table.client.send(new PutCommand(Put as ConstructorParameters<typeof PutCommand>[0]));
  await new DynamoDuplicateIndexStore(table).writeBuckets([row]);
}

const at = (minute: number) => new Date(Date.UTC(2026, 10, 2, 0, minute)).toISOString();

beforeAll(async () => {
  const client = localDynamoClient(inject('dynamodbEndpoint'));
  await ensureTable(client, tableName);
  table = { client: documentClient(client), tableName };
});

afterAll(() => {
  table?.client.destroy();
});

describe('duplicateCandidates', () => {
  it('still finds an older re-post when a shared phrase crowds one bucket, and reads a bounded number of signatures', async () => {
    const probe = signatureLike([], 0, 1);
    // An older item sharing ten bands with the probe: a near-duplicate.
    await store({
      itemId: 'it_repost',
      unitId: 'linqu',
      title: '早先报送的信息',
      submittedAt: at(0),
      signature: signatureLike(probe, 10, 2),
    });
    // Then many newer items sharing only the first band (boilerplate), more than one lookup reads.
    const crowd = candidateLimit + 40;
    for (let serial = 0; serial < crowd; serial += 1) {
      await store({
        itemId: `it_crowd_${String(serial).padStart(4, '0')}`,
        unitId: 'qingzhou',
        title: `套话信息 ${serial}`,
        submittedAt: at(1 + serial),
        signature: signatureLike(probe, 1, 100 + serial),
      });
    }

    const candidates = await duplicateCandidates(table, lshBuckets(probe), at(0));
    expect(candidates.map((candidate) => candidate.itemId)).toContain('it_repost');
    // Without a bound the lookup read and scored every item of the crowded bucket.
    expect(candidates.length).toBeLessThanOrEqual(candidateLimit);
  }, 120_000);
});
