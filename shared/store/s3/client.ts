import { S3HttpClient } from './http-client';

/**
 * The S3 client of a function, configured from the environment the same way in the cloud and
 * locally (see http-client.ts): the endpoint only through AWS_ENDPOINT_URL_S3, path-style
 * addressing only when XINBAO_S3_PATH_STYLE is `true`. Settings are read on each request.
 */
export function s3Client(): S3HttpClient {
  return new S3HttpClient();
}
