import { attachmentsRoutes } from '#shared/catalogue/routes/attachments';
import { readConfig } from '#shared/config';
import { httpFunction } from '#shared/http/http-function';
import { DynamoAttachmentStore } from '#shared/store/dynamo/attachments';
import { tableFromEnvironment } from '#shared/store/dynamo/client';
import { DynamoItemStore } from '#shared/store/dynamo/items';
import { type AttachmentObjects, S3AttachmentObjects } from '#shared/store/s3/attachment-objects';
import { s3Client } from '#shared/store/s3/client';
import { newAttachmentId } from './access';
import { confirmAttachment } from './confirm-attachment/use-case';
import { createAttachmentUpload } from './create-upload/use-case';
import type { AttachmentsDeps } from './deps';
import { getAttachmentDownload } from './get-download/use-case';

const table = tableFromEnvironment();
let objects: AttachmentObjects | undefined;

/**
 * Built once per container. The bucket is bound on first use, so every check that comes
 * before S3 (role, unit, item state) works even where no bucket is configured.
 */
const deps: AttachmentsDeps = {
  items: new DynamoItemStore(table),
  attachments: new DynamoAttachmentStore(table),
  get objects() {
    objects ??= new S3AttachmentObjects(s3Client(), readConfig('attachmentsBucket'));
    return objects;
  },
  now: () => new Date(),
  newAttachmentId: () => newAttachmentId(),
};

export const handler = httpFunction(attachmentsRoutes, {
  createAttachmentUpload: ({ principal, params, body }) =>
    createAttachmentUpload(deps, principal, params.itemId, body),
  confirmAttachment: ({ principal, params }) =>
    confirmAttachment(deps, principal, params.itemId, params.attachmentId),
  getAttachmentDownload: ({ principal, params }) =>
    getAttachmentDownload(deps, principal, params.itemId, params.attachmentId),
});
