import { attachmentReplaced } from './attachment-keys';
import { S3Error, type S3HttpClient } from './http-client';

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

function isPreconditionFailed(error: unknown): boolean {
  return error instanceof S3Error && (error.code === 'PreconditionFailed' || error.status === 412);
}

function isNotFound(error: unknown): boolean {
  return (
    error instanceof S3Error &&
    (error.code === 'NotFound' || error.code === 'NoSuchKey' || error.status === 404)
  );
}

export class S3AttachmentObjects implements AttachmentObjects {
  constructor(
    private readonly client: S3HttpClient,
    private readonly bucket: string,
  ) {}

  /** Signs Content-Type and Content-Length, so S3 refuses another type or size than declared. */
  async presignPut(input: {
    key: string;
    contentType: string;
    size: number;
    expiresIn: number;
  }): Promise<PresignedPut> {
    const url = await this.client.presign({
      method: 'PUT',
      bucket: this.bucket,
      key: input.key,
      signedHeaders: { 'content-type': input.contentType, 'content-length': String(input.size) },
      expiresIn: input.expiresIn,
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
    return this.client.presign({
      method: 'GET',
      bucket: this.bucket,
      key: input.key,
      query: {
        'response-content-type': input.contentType,
        'response-content-disposition': input.contentDisposition,
      },
      expiresIn: input.expiresIn,
    });
  }

  async head(key: string): Promise<ObjectHead | undefined> {
    try {
      const head = await this.client.send({ method: 'HEAD', bucket: this.bucket, key });
      const size = Number(head.headers['content-length'] ?? 0);
      return {
        size: Number.isFinite(size) ? size : 0,
        ...(head.headers['content-type'] ? { contentType: head.headers['content-type'] } : {}),
        ...(head.headers.etag ? { etag: head.headers.etag } : {}),
      };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async readRange(key: string, start: number, endInclusive: number, etag?: string): Promise<Uint8Array> {
    const object = await this.client
      .send({
        method: 'GET',
        bucket: this.bucket,
        key,
        headers: { range: `bytes=${start}-${endInclusive}`, ...(etag ? { 'if-match': etag } : {}) },
      })
      .catch((error: unknown) => {
        throw isPreconditionFailed(error) ? attachmentReplaced() : error;
      });
    const bytes = object.body;
    // A server that ignores Range answers the whole object: keep just the asked-for bytes.
    const wanted = endInclusive - start + 1;
    return !object.headers['content-range'] && bytes.length > wanted
      ? bytes.subarray(start, endInclusive + 1)
      : bytes;
  }

  async copy(from: string, to: string, etag: string | undefined): Promise<boolean> {
    try {
      await this.client.send({
        method: 'PUT',
        bucket: this.bucket,
        key: to,
        headers: {
          'x-amz-copy-source': `${this.bucket}/${from.split('/').map(encodeURIComponent).join('/')}`,
          ...(etag ? { 'x-amz-copy-source-if-match': etag } : {}),
        },
      });
      return true;
    } catch (error) {
      if (isPreconditionFailed(error)) return false;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send({ method: 'DELETE', bucket: this.bucket, key });
  }
}
