/**
 * Attachments go straight from the browser to the attachment bucket: the API answers a presigned
 * PUT, the file is sent with XMLHttpRequest (fetch reports no upload progress), then the API is
 * asked to confirm it. The API decides what is allowed; these helpers only prepare the request.
 */
import type { components } from '../../api/schema.generated';

export type AttachmentCreate = components['schemas']['AttachmentCreate'];
type ContentType = AttachmentCreate['contentType'];

const byExtension: Record<string, ContentType> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * The type to declare: what the browser says, or (when it says nothing, as some do for Office
 * files) what the extension says. Anything else is passed on as it is, for the API to refuse.
 */
export function declaredType(file: Pick<File, 'name' | 'type'>): ContentType {
  const extension = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? '';
  return (file.type || byExtension[extension] || 'application/octet-stream') as ContentType;
}

export function isImage(file: Pick<File, 'name' | 'type'>): boolean {
  return declaredType(file).startsWith('image/');
}

/** 1.5 MB, 820 KB: sizes as a person reads them. */
export function readableSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export class UploadFailed extends Error {}

/** PUTs the file to the presigned URL with the headers it was signed with, reporting 0–100. */
export function putWithProgress(
  upload: { url: string; method: 'PUT'; headers: Record<string, string> },
  file: Blob,
  onProgress: (percent: number) => void,
  request: () => XMLHttpRequest = () => new XMLHttpRequest(),
): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = request();
    xhr.open(upload.method, upload.url);
    for (const [name, value] of Object.entries(upload.headers)) {
      // The browser sets Content-Length itself and refuses to be told.
      if (name.toLowerCase() !== 'content-length') xhr.setRequestHeader(name, value);
    }
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable && event.total > 0)
        onProgress(Math.round((event.loaded / event.total) * 100));
    });
    xhr.addEventListener('load', () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(100);
        resolve();
      } else reject(new UploadFailed(`文件上传未完成（${xhr.status}），请重试`));
    });
    xhr.addEventListener('error', () => reject(new UploadFailed('网络中断，文件未上传完成，请重试')));
    xhr.addEventListener('abort', () => reject(new UploadFailed('已取消上传')));
    xhr.send(file);
  });
}
