import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Clients } from './clients';
import { GSI } from './tables';

export type Doc = Clients['doc'];

export async function put(doc: Doc, table: string, item: Record<string, unknown>): Promise<void> {
  await doc.send(new PutCommand({ TableName: table, Item: item }));
}

export async function get(doc: Doc, table: string, pk: string): Promise<Record<string, unknown> | undefined> {
  const answer = await doc.send(
    new GetCommand({ TableName: table, Key: { pk, sk: '1' }, ConsistentRead: true }),
  );
  return answer.Item;
}

export async function byStatus(doc: Doc, table: string, status: string): Promise<Record<string, unknown>[]> {
  const answer = await doc.send(
    new QueryCommand({
      TableName: table,
      IndexName: GSI,
      KeyConditionExpression: '#st = :s',
      ExpressionAttributeNames: { '#st': 'status' },
      ExpressionAttributeValues: { ':s': status },
    }),
  );
  return answer.Items ?? [];
}
