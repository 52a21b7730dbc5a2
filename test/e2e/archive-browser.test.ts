/** The archive site in Chromium against the whole local stack (npm start as a user runs it). */
import { localNames } from '../../infra/local/env';
import { archiveBrowserSuite } from '../browser/archive-suite';
import { startStackForTest } from '../support/local-stack';

archiveBrowserSuite(async () => {
  const stack = await startStackForTest();
  return {
    archiveUrl: stack.urls.archive,
    s3Endpoint: stack.urls.s3,
    bucket: localNames.archiveBucket,
    stop: () => stack.stop(),
  };
});
