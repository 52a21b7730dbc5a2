import { renderBulletinDocx } from '#shared/render/docx/bulletin';
import { parseWordRenderRequest, type WordRenderAnswer } from './request';

/**
 * The Word renderer: a bulletin in, its .docx out (base64). Its own function so that docx, the
 * largest package the system uses, loads only when a Word file is made: the publishing function
 * invokes it synchronously while it publishes, and stores the file with its SHA-256 before the
 * publication commits, exactly as when it rendered the file itself. No table, no bucket: a
 * failure throws, and publishing answers the error without having written anything.
 */
export const handler = async (event: unknown): Promise<WordRenderAnswer> => {
  const request = parseWordRenderRequest(event);
  const docx = await renderBulletinDocx(request.bulletin, {
    officeName: request.officeName,
    includeInternal: request.includeInternal,
  });
  return { docx: docx.toString('base64') };
};
