import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { readConfig } from '../../config';

/**
 * A check run before every table request with its operation (`GetItem`, `TransactWriteItems` …)
 * and its marshalled input; it throws to refuse. None are registered in the cloud, where IAM
 * refuses instead; the local runtime registers the catalogue's table access (see
 * infra/local/lambda/table-guard.ts) so a function touching undeclared rows fails there too.
 */
export type TableRequestGuard = (operation: string, input: Record<string, unknown>) => void;

const guards = new Set<TableRequestGuard>();

/** Registers a guard for every client created afterwards or before; returns its removal. */
export function addTableRequestGuard(guard: TableRequestGuard): () => void {
  guards.add(guard);
  return () => guards.delete(guard);
}

/**
 * The endpoint comes from the SDK's own AWS_ENDPOINT_URL_DYNAMODB when set (the local runtime
 * sets it); nothing else differs between the cloud and the local stack.
 */
export function documentClient(client = new DynamoDBClient({})): DynamoDBDocumentClient {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const operation = (context.commandName ?? '').replace(/Command$/, '');
      for (const guard of guards) guard(operation, args.input as Record<string, unknown>);
      return next(args);
    },
    // After the document client has marshalled the input, before anything is sent.
    { step: 'serialize', priority: 'high', name: 'xinbaoTableRequestGuard', override: true },
  );
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
