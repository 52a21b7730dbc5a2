import { createHash } from 'node:crypto';
import type { S3HttpClient } from './http-client';

export interface StoredFile {
  key: string;
  sha256: string;
  size: number;
}

/** The immutable record copies of a published bulletin (.docx and HTML) in the private bucket. */
export interface BulletinFiles {
  put(key: string, body: Buffer, contentType: string): Promise<StoredFile>;
  /** Removes the files of a publication that lost its race, so no copy is left without an issue. */
  delete(key: string): Promise<void>;
  presignGet(key: string, contentDisposition: string, expiresIn: number): Promise<string>;
}

export class S3BulletinFiles implements BulletinFiles {
  constructor(
    private readonly client: S3HttpClient,
    private readonly bucket: string,
  ) {}

  async put(key: string, body: Buffer, contentType: string): Promise<StoredFile> {
    const sha256 = createHash('sha256').update(body).digest('hex');
    await this.client.send({
      method: 'PUT',
      bucket: this.bucket,
      key,
      headers: { 'content-type': contentType, 'x-amz-meta-sha256': sha256 },
      body,
    });
    return { key, sha256, size: body.length };
  }

  async delete(key: string): Promise<void> {
    await this.client.send({ method: 'DELETE', bucket: this.bucket, key });
  }

  presignGet(key: string, contentDisposition: string, expiresIn: number): Promise<string> {
    return this.client.presign({
      method: 'GET',
      bucket: this.bucket,
      key,
      query: { 'response-content-disposition': contentDisposition },
      expiresIn,
    });
  }
}
