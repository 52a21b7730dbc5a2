import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { nodeTransport, S3HttpClient, type S3Transport } from '../../shared/store/s3/http-client';

/** The emulators accept any signature made with these; s3rver insists on exactly this pair. */
export const localCredentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
export const localRegion = 'us-east-1';
export const localAccountId = '000000000000';

export function localDynamoClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({ endpoint, region: localRegion, credentials: localCredentials });
}

/** Path-style and checksums only when required: with SDK defaults s3rver stores stream uploads corrupted. */
export function localS3Client(endpoint: string): S3Client {
  return new S3Client({
    endpoint,
    region: localRegion,
    credentials: localCredentials,
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

/**
 * The functions' own S3 client (shared/store/s3/http-client.ts) aimed at the emulator, configured
 * as the local runtime configures it for the functions: path-style, the emulator's credentials.
 */
export function localS3HttpClient(endpoint: string, transport: S3Transport = nodeTransport): S3HttpClient {
  return new S3HttpClient(
    {
      endpoint,
      region: localRegion,
      credentials: localCredentials,
      pathStyle: true,
      maxAttempts: 3,
      idleTimeoutMs: 10_000,
    },
    transport,
  );
}
