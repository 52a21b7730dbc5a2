import { defaultOfficeName, readConfig, readOptionalConfig } from '../config';
import { DynamoBulletinStore } from '../store/dynamo/bulletins';
import type { TableRef } from '../store/dynamo/client';
import { DynamoSeriesStore } from '../store/dynamo/series';
import { S3ArchiveObjects } from '../store/s3/archive-objects';
import { s3Client } from '../store/s3/client';
import { StaticArchivePublisher } from './publisher';
import { archivedSeriesFrom } from './series';

/** The archive publisher over the table and archive bucket the environment names. */
export function archivePublisherFromEnvironment(table: TableRef) {
  const bucket = readConfig('archiveBucket');
  const publisher = new StaticArchivePublisher({
    bulletins: new DynamoBulletinStore(table),
    objects: new S3ArchiveObjects(s3Client(), bucket),
    isArchivedSeries: archivedSeriesFrom(new DynamoSeriesStore(table)),
    officeName: readOptionalConfig('officeName') ?? defaultOfficeName,
  });
  return { publisher, bucket };
}
