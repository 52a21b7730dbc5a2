/** The archive site: publisher, port and the record renderer the bulletin use cases need. */
export { type ArchiveObjects, MemoryArchiveObjects, type PutOptions } from './objects';
export { type ArchivePublisherDeps, StaticArchivePublisher } from './publisher';
export { renderBulletinRecord } from './render/record';
export { archivedSeriesFrom } from './series';
export { siteKeys } from './site';
