/**
 * Starts the real local services once for the integration tier, each on a free port, and hands
 * their endpoints to the tests (`inject('dynamodbEndpoint')` …). Suites that need a service of
 * their own (restarts, crashes) still start one themselves.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startLocalDynamo } from '../../infra/local/dynamo/index';
import { startS3 } from '../../infra/local/services/s3';
import { startSes } from '../../infra/local/services/ses';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamodbEndpoint: string;
    s3Endpoint: string;
    sesEndpoint: string;
  }
}

export default async function setup(project: TestProject) {
  const directory = await mkdtemp(join(tmpdir(), 'xinbao-integration-'));
  const [dynamo, s3, ses] = await Promise.all([
    startLocalDynamo({ port: 0 }),
    startS3({ port: 0, directory: join(directory, 's3') }),
    startSes({ port: 0 }),
  ]);
  project.provide('dynamodbEndpoint', dynamo.endpoint);
  project.provide('s3Endpoint', s3.endpoint);
  project.provide('sesEndpoint', ses.endpoint);
  return async () => {
    await Promise.all([dynamo.close(), s3.close(), ses.close()]);
    await rm(directory, { recursive: true, force: true });
  };
}
