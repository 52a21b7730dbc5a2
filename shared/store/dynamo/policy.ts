import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { parseStored } from '#shared/schemas/free-text';
import { ConflictError } from '../../errors';
import { type ScoringPolicyBody, type StoredPolicy, storedPolicy } from '../../schemas/policy';
import type { TableRef } from './client';
import { rethrowStoreError } from './errors';
import { transact } from './transactions';

/** Key layout of the policy rows: every version under its year, plus a LATEST copy. */
export const policyKeys = {
  partition: (year: number) => `POLICY#${year}`,
  version: (year: number, version: number) => ({
    pk: `POLICY#${year}`,
    sk: `V#${String(version).padStart(6, '0')}`,
  }),
  latest: (year: number) => ({ pk: `POLICY#${year}`, sk: 'LATEST' }),
} as const;

/** The scoring policies of each year; versions are immutable once written. */
export interface PolicyStore {
  /** The latest stored version, or undefined when the year has none yet. */
  latest(year: number, consistent?: boolean): Promise<StoredPolicy | undefined>;
  /** One stored version (1, 2 …), or undefined. */
  version(year: number, version: number): Promise<StoredPolicy | undefined>;
  /**
   * Stores `body` as version `expectedVersion + 1` and moves LATEST to it, in one transaction
   * that fails with 409 when LATEST is no longer at `expectedVersion`.
   */
  put(
    year: number,
    body: ScoringPolicyBody,
    expectedVersion: number,
    updatedBy: string,
    at: string,
  ): Promise<StoredPolicy>;
}

function fromRow(row: Record<string, unknown>): StoredPolicy {
  const { pk: _pk, sk: _sk, ...rest } = row;
  return parseStored(storedPolicy, rest);
}

export class DynamoPolicyStore implements PolicyStore {
  constructor(private readonly table: TableRef) {}

  private async read(
    key: { pk: string; sk: string },
    consistent: boolean,
  ): Promise<StoredPolicy | undefined> {
    const { Item } = await this.table.client
      .send(new GetCommand({ TableName: this.table.tableName, Key: key, ConsistentRead: consistent }))
      .catch(rethrowStoreError);
    return Item ? fromRow(Item) : undefined;
  }

  latest(year: number, consistent = false): Promise<StoredPolicy | undefined> {
    return this.read(policyKeys.latest(year), consistent);
  }

  version(year: number, version: number): Promise<StoredPolicy | undefined> {
    return this.read(policyKeys.version(year, version), false);
  }

  async put(
    year: number,
    body: ScoringPolicyBody,
    expectedVersion: number,
    updatedBy: string,
    at: string,
  ): Promise<StoredPolicy> {
    const stored: StoredPolicy = parseStored(storedPolicy, {
      ...body,
      year,
      version: expectedVersion + 1,
      updatedAt: at,
      updatedBy,
    });
    const conflict = (): never => {
      throw new ConflictError('POLICY_CHANGED', `${year} 年考核办法刚被他人修改，请刷新后重试`);
    };
    await transact(
      this.table,
      [
        {
          Put: {
            TableName: this.table.tableName,
            Item: { ...policyKeys.version(year, stored.version), ...stored },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        {
          Put: {
            TableName: this.table.tableName,
            Item: { ...policyKeys.latest(year), ...stored },
            ...(expectedVersion === 0
              ? { ConditionExpression: 'attribute_not_exists(pk)' }
              : {
                  ConditionExpression: '#version = :expected',
                  ExpressionAttributeNames: { '#version': 'version' },
                  ExpressionAttributeValues: { ':expected': expectedVersion },
                }),
          },
        },
      ],
      conflict,
    );
    return stored;
  }
}
