import type { AttachmentStore, ItemReader } from '#shared/store/ports';
import type { AttachmentObjects } from '#shared/store/s3/attachment-objects';

export interface AttachmentsDeps {
  items: ItemReader;
  attachments: AttachmentStore;
  objects: AttachmentObjects;
  now: () => Date;
  newAttachmentId: () => string;
}
