import {
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';
import {
  CreateBucketCommand,
  HeadBucketCommand,
  PutBucketCorsCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import {
  keyAttributes,
  type TableDeclaration,
  table as tableDeclaration,
} from '../../shared/catalogue/table';
import { attachmentCors } from '../../shared/store/s3/attachment-keys';

/**
 * Creates the table from the one declaration unless it exists. No TTL: dynalite has no
 * UpdateTimeToLive, and nothing local depends on expiry.
 */
export async function ensureTable(
  client: DynamoDBClient,
  tableName: string,
  declaration: TableDeclaration = tableDeclaration,
): Promise<'created' | 'exists'> {
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const present = new Set((Table?.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName));
    const missing = declaration.indexes
      .filter((index) => !present.has(index.name))
      .map((index) => index.name);
    if (missing.length > 0) {
      throw new Error(
        `table ${tableName} in the data folder lacks index(es) ${missing.join(', ')}; start with --fresh to rebuild it`,
      );
    }
    return 'exists';
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  const key = (partition: string, sort: string) => [
    { AttributeName: partition, KeyType: 'HASH' as const },
    { AttributeName: sort, KeyType: 'RANGE' as const },
  ];
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: keyAttributes(declaration).map((name) => ({
        AttributeName: name,
        AttributeType: 'S',
      })),
      KeySchema: key(declaration.partitionKey, declaration.sortKey),
      GlobalSecondaryIndexes: declaration.indexes.map((index) => ({
        IndexName: index.name,
        KeySchema: key(index.partitionKey, index.sortKey),
        Projection: { ProjectionType: 'ALL' },
      })),
    }),
  );
  return 'created';
}

export async function ensureBucket(client: S3Client, bucket: string): Promise<'created' | 'exists'> {
  try {
    await client.send(new HeadBucketCommand({ Bucket: bucket }));
    return 'exists';
  } catch (error) {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status !== 404) throw error;
  }
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  return 'created';
}

/** The cloud bucket's CORS rule (shared/store/s3/attachment-keys.ts) for the given origins. */
export async function allowBrowserOrigins(client: S3Client, bucket: string, origins: readonly string[]) {
  await client.send(
    new PutBucketCorsCommand({
      Bucket: bucket,
      CORSConfiguration: {
        CORSRules: [
          {
            AllowedOrigins: [...origins],
            AllowedMethods: [...attachmentCors.methods],
            AllowedHeaders: [...attachmentCors.headers],
            ExposeHeaders: [...attachmentCors.exposedHeaders],
            MaxAgeSeconds: attachmentCors.maxAgeSeconds,
          },
        ],
      },
    }),
  );
}
