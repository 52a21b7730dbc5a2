/** The archive site in Chromium, served from the integration tier's s3rver by the archive server. */
import { inject } from 'vitest';
import { startArchiveSite } from '../../../infra/local/archive-site';
import { localS3Client } from '../../../infra/local/aws';
import { ensureBucket } from '../../../infra/local/provision';
import { archiveBrowserSuite } from '../../browser/archive-suite';

archiveBrowserSuite(async () => {
  const s3 = localS3Client(inject('s3Endpoint'));
  const bucket = 'archive-browser';
  await ensureBucket(s3, bucket);
  const site = await startArchiveSite({ client: s3, bucket, port: 0 });
  return { archiveUrl: site.url, s3Endpoint: inject('s3Endpoint'), bucket, stop: () => site.close() };
});
