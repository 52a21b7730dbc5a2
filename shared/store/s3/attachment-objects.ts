import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

export interface PresignedPut {
  url: string;
  /** Headers the uploader must send exactly as given: they are part of the signature. */
  headers: Record<string, string>;
}

export interface ObjectHead {
  size: number;
  contentType?: string;
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
  /** Bytes `start` … `endInclusive` (an HTTP Range). */
  readRange(key: string, start: number, endInclusive: number): Promise<Uint8Array>;
  delete(key: string): Promise<void>;
}

function isNotFound(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return error.name === 'NotFound' || error.name === 'NoSuchKey' || status === 404;
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
      return { size: head.ContentLength ?? 0, contentType: head.ContentType };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async readRange(key: string, start: number, endInclusive: number): Promise<Uint8Array> {
    const object = await this.client.send(
      new GetObjectCommand({ Bucket: this.bucket, Key: key, Range: `bytes=${start}-${endInclusive}` }),
    );
    if (!object.Body) return new Uint8Array(0);
    const bytes = await object.Body.transformToByteArray();
    // A server that ignores Range answers the whole object: keep just the asked-for bytes.
    const wanted = endInclusive - start + 1;
    return !object.ContentRange && bytes.length > wanted ? bytes.subarray(start, endInclusive + 1) : bytes;
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }
}
