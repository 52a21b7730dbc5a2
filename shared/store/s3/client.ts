import { S3Client } from '@aws-sdk/client-s3';
import { readOptionalConfig } from '../../config';

/**
 * The S3 client, configured from the environment the same way in the cloud and locally: the
 * endpoint only through the SDK's own AWS_ENDPOINT_URL_S3, path-style addressing only when
 * XINBAO_S3_PATH_STYLE is `true`. Checksums only when an operation requires one: otherwise
 * presigned PUT URLs would sign the CRC of an empty body and any real upload would be refused.
 */
export function s3Client(): S3Client {
  return new S3Client({
    forcePathStyle: readOptionalConfig('s3PathStyle') === 'true',
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}
