/**
 * The cold-start baseline: the least a Xinbao function can do. It is bundled with the very options
 * of every function (infra/cdk/bundling.ts) and answers one DynamoDB GetItem through the same
 * document client, so a function's start + first request is compared with what any function that
 * reads the table pays, measured in the same run.
 */

import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import { tableFromEnvironment } from '../../shared/store/dynamo/client';

const table = tableFromEnvironment();

export async function handler(): Promise<APIGatewayProxyResultV2> {
  const { Item } = await table.client.send(
    new GetCommand({ TableName: table.tableName, Key: { pk: 'UNITS', sk: 'UNITS' } }),
  );
  return {
    statusCode: Item ? 200 : 404,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ found: Item !== undefined }),
  };
}
