import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { attachmentReplaced } from './attachment-keys';

export interface PresignedPut {
  url: string;
  /** Headers the uploader must send exactly as given: they are part of the signature. */
  headers: Record<string, string>;
}

export interface ObjectHead {
  size: number;
  contentType?: string;
  /** Names these exact bytes: reads and copies conditioned on it fail if the object was replaced. */
  etag?: string;
}

/** The private attachments bucket, as the attachment use cases need it. */
export interface AttachmentObjects {
  presignPut(input: {
    key: string;
    contentType: string;
    size: number;
    expiresIn: number;
  }): Promise<PresignedPut>;
  presignGet(input: {
    key: string;
    contentType: string;
    contentDisposition: string;
    expiresIn: number;
  }): Promise<string>;
  /** undefined when there is no such object. */
  head(key: string): Promise<ObjectHead | undefined>;
  /**
   * Bytes `start` … `endInclusive` (an HTTP Range); with `etag`, only of those bytes (a replaced
   * object answers ATTACHMENT_CHANGED).
   */
  readRange(key: string, start: number, endInclusive: number, etag?: string): Promise<Uint8Array>;
  /**
   * Copies `from` to `to` only while `from` still holds the bytes `etag` names; `false` when it
   * was replaced in between (S3's 412), so a check can never pass one upload and keep another.
   */
  copy(from: string, to: string, etag: string | undefined): Promise<boolean>;
  delete(key: string): Promise<void>;
}

const statusOf = (error: unknown) =>
  (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;

function isPreconditionFailed(error: unknown): boolean {
  return error instanceof Error && (error.name === 'PreconditionFailed' || statusOf(error) === 412);
}

function isNotFound(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return error.name === 'NotFound' || error.name === 'NoSuchKey' || statusOf(error) === 404;
}

export class S3AttachmentObjects implements AttachmentObjects {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {}

  /** Signs Content-Type and Content-Length, so S3 refuses another type or size than declared. */
  async presignPut(input: {
    key: string;
    contentType: string;
    size: number;
    expiresIn: number;
  }): Promise<PresignedPut> {
    const command = new PutObjectCommand({
      Bucket: this.bucket,
      Key: input.key,
      ContentType: input.contentType,
      ContentLength: input.size,
    });
    const url = await getSignedUrl(this.client, command, {
      expiresIn: input.expiresIn,
      signableHeaders: new Set(['content-type', 'content-length']),
    });
    return { url, headers: { 'Content-Type': input.contentType, 'Content-Length': String(input.size) } };
  }

  /** The stored Content-Type is whatever the uploader sent; the download states the checked one. */
  async presignGet(input: {
    key: string;
    contentType: string;
    contentDisposition: string;
    expiresIn: number;
  }): Promise<string> {
    const command = new GetObjectCommand({
      Bucket: this.bucket,
      Key: input.key,
      ResponseContentType: input.contentType,
      ResponseContentDisposition: input.contentDisposition,
    });
    return getSignedUrl(this.client, command, { expiresIn: input.expiresIn });
  }

  async head(key: string): Promise<ObjectHead | undefined> {
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return { size: head.ContentLength ?? 0, contentType: head.ContentType, etag: head.ETag };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async readRange(key: string, start: number, endInclusive: number, etag?: string): Promise<Uint8Array> {
    const object = await this.client
      .send(
        new GetObjectCommand({
          Bucket: this.bucket,
          Key: key,
          Range: `bytes=${start}-${endInclusive}`,
          ...(etag ? { IfMatch: etag } : {}),
        }),
      )
      .catch((error: unknown) => {
        throw isPreconditionFailed(error) ? attachmentReplaced() : error;
      });
    if (!object.Body) return new Uint8Array(0);
    const bytes = await object.Body.transformToByteArray();
    // A server that ignores Range answers the whole object: keep just the asked-for bytes.
    const wanted = endInclusive - start + 1;
    return !object.ContentRange && bytes.length > wanted ? bytes.subarray(start, endInclusive + 1) : bytes;
  }

  async copy(from: string, to: string, etag: string | undefined): Promise<boolean> {
    try {
      await this.client.send(
        new CopyObjectCommand({
          Bucket: this.bucket,
          Key: to,
          CopySource: `${this.bucket}/${from.split('/').map(encodeURIComponent).join('/')}`,
          ...(etag ? { CopySourceIfMatch: etag } : {}),
        }),
      );
      return true;
    } catch (error) {
      if (isPreconditionFailed(error)) return false;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }
}
