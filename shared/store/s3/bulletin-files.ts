import { createHash } from 'node:crypto';
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

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
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {}

  async put(key: string, body: Buffer, contentType: string): Promise<StoredFile> {
    const sha256 = createHash('sha256').update(body).digest('hex');
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: body,
        ContentType: contentType,
        ContentLength: body.length,
        Metadata: { sha256 },
      }),
    );
    return { key, sha256, size: body.length };
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  presignGet(key: string, contentDisposition: string, expiresIn: number): Promise<string> {
    return getSignedUrl(
      this.client,
      new GetObjectCommand({ Bucket: this.bucket, Key: key, ResponseContentDisposition: contentDisposition }),
      { expiresIn },
    );
  }
}
