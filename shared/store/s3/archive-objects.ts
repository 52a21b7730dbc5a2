import type { ArchiveObjects, PutOptions } from '../../archive/objects';
import { readListPage, S3Error, type S3HttpClient } from './http-client';

/** The public archive bucket (behind CloudFront in the cloud, the archive server locally). */
export class S3ArchiveObjects implements ArchiveObjects {
  constructor(
    private readonly client: S3HttpClient,
    private readonly bucket: string,
  ) {}

  async put(key: string, body: string, options: PutOptions): Promise<void> {
    await this.client.send({
      method: 'PUT',
      bucket: this.bucket,
      key,
      headers: { 'content-type': options.contentType, 'cache-control': options.cacheControl },
      body: Buffer.from(body, 'utf8'),
    });
  }

  async delete(key: string): Promise<void> {
    await this.client.send({ method: 'DELETE', bucket: this.bucket, key });
  }

  async get(key: string): Promise<string | undefined> {
    try {
      const object = await this.client.send({ method: 'GET', bucket: this.bucket, key });
      return Buffer.from(object.body).toString('utf8');
    } catch (error) {
      if (error instanceof S3Error && (error.code === 'NoSuchKey' || error.status === 404)) return undefined;
      throw error;
    }
  }

  async list(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const answer = await this.client.send({
        method: 'GET',
        bucket: this.bucket,
        query: {
          'list-type': '2',
          prefix,
          'encoding-type': 'url',
          ...(token ? { 'continuation-token': token } : {}),
        },
      });
      const page = readListPage(Buffer.from(answer.body).toString('utf8'));
      keys.push(...page.keys);
      token = page.nextToken;
    } while (token);
    return keys;
  }
}
