import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { readConfig } from '../../config';

/**
 * The endpoint comes from the SDK's own AWS_ENDPOINT_URL_DYNAMODB when set (the local runtime
 * sets it); nothing else differs between the cloud and the local stack.
 */
export function documentClient(client = new DynamoDBClient({})): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}

export interface TableRef {
  client: DynamoDBDocumentClient;
  tableName: string;
}

export function tableFromEnvironment(): TableRef {
  return { client: documentClient(), tableName: readConfig('tableName') };
}
