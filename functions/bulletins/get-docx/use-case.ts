import { ConflictError } from '#shared/errors';
import { attachmentDisposition } from '../../attachments/file-name';
import type { BulletinsDeps } from '../deps';
import { existingBulletin } from '../rules';

const linkSeconds = 15 * 60;

/** A 15-minute link to the Word file, named as the office files it. */
export async function getDocx(deps: BulletinsDeps, bulletinId: string) {
  const bulletin = await existingBulletin(deps, bulletinId);
  if (!bulletin.docx) throw new ConflictError('NOT_PUBLISHED', '这一期尚未发布，还没有 Word 文件');
  const fileName = `${bulletin.seriesName}${bulletin.year}年第${bulletin.number}期.docx`;
  const url = await deps.files.presignGet(bulletin.docx.key, attachmentDisposition(fileName), linkSeconds);
  return {
    url,
    fileName,
    sha256: bulletin.docx.sha256,
    expiresAt: new Date(deps.now().getTime() + linkSeconds * 1000).toISOString(),
  };
}
