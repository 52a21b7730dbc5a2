/**
 * Where attachment bytes live in the private bucket. An upload lands under `quarantine/` (the only
 * key a presigned PUT ever names); confirmation checks it there and copies exactly the checked
 * bytes to the final key, which only the attachments function writes and downloads alone read.
 * The bucket expires whatever stays in quarantine, and its old versions, within a day.
 */
import { ConflictError } from '../../errors';

export const quarantinePrefix = 'quarantine/';

/**
 * What a browser on an allowed origin (the console's) may do with presigned attachment URLs:
 * the same rule in the cloud bucket and the local one.
 */
export const attachmentCors = {
  methods: ['PUT', 'GET', 'HEAD'],
  /** The headers a presigned PUT signs and a browser sends with it. */
  headers: ['content-type', 'content-length', 'content-md5'],
  exposedHeaders: ['ETag'],
  maxAgeSeconds: 3000,
} as const;

/** The upload was replaced while it was being checked: nothing is confirmed, the caller retries. */
export const attachmentReplaced = () =>
  new ConflictError('ATTACHMENT_CHANGED', '检查期间附件文件被重新上传，未予确认：请再确认一次');

type Named = { itemId: string; attachmentId: string; fileName: string };

/** `items/<itemId>/<attachmentId>/<sanitised name>`: derived, so the record need not store it. */
export function objectKey(attachment: Named): string {
  return `items/${attachment.itemId}/${attachment.attachmentId}/${attachment.fileName}`;
}

/** The upload's key until it is confirmed. */
export function quarantineKey(attachment: Named): string {
  return `${quarantinePrefix}${objectKey(attachment)}`;
}
