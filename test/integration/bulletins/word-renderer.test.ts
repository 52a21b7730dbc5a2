/**
 * The Word renderer as publishing reaches it: a synchronous invoke through the local Lambda
 * Invoke API (the very endpoint the local stack serves) to the catalogue's word-renderer
 * function, whose .docx comes back whole.
 */
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { applyEnvironment, handlerEnvironment } from '../../../infra/local/env';
import { catalogueFunctionHost } from '../../../infra/local/lambda/catalogue';
import { createInvokeServer, type InvokeServer } from '../../../infra/local/lambda/invoke-server';
import { functionNames } from '../../../shared/catalogue/functions';
import { renderBulletinDocx } from '../../../shared/render/docx/bulletin';
import { lambdaCaller } from '../../../shared/store/lambda/sync-invoke';
import { wordRendererFromEnvironment } from '../../../shared/store/lambda/word-renderer';
import { bulletinItem, publishedBulletin } from '../../fixtures/bulletins';

const bulletin = publishedBulletin({
  items: [
    bulletinItem({ itemId: 'it_01', title: '潍城区“三个聚焦”推动营商环境持续优化', openness: 'public' }),
    bulletinItem({ itemId: 'it_02', title: '内部稿件：寿光市蔬菜保供情况', openness: 'internal' }),
  ],
});
const textOf = (docx: Buffer) => {
  const xml = unzipSync(new Uint8Array(docx))['word/document.xml'];
  if (!xml) throw new Error('word/document.xml missing');
  return strFromU8(xml);
};

let server: InvokeServer;

beforeAll(async () => {
  server = createInvokeServer({ functions: catalogueFunctionHost(), names: functionNames });
  const port = await server.listen(0);
  applyEnvironment(
    handlerEnvironment({
      dynamodb: inject('dynamodbEndpoint'),
      s3: inject('s3Endpoint'),
      ses: inject('sesEndpoint'),
      lambda: `http://127.0.0.1:${port}`,
    }),
  );
});
afterAll(() => server?.close());

describe('the Word renderer function', () => {
  it('answers the same document publishing used to render itself, internal items included when asked', async () => {
    const render = wordRendererFromEnvironment();
    const options = { officeName: '潍坊市人民政府办公室', includeInternal: true };
    const docx = await render(bulletin, options);
    const text = textOf(docx);
    expect(text).toContain('潍城区“三个聚焦”推动营商环境持续优化');
    expect(text).toContain('内部稿件：寿光市蔬菜保供情况');
    // Byte-for-byte the package may differ (timestamps); the document itself is the same.
    expect(text).toBe(textOf(await renderBulletinDocx(bulletin, options)));
    const publicOnly = textOf(await render(bulletin, { ...options, includeInternal: false }));
    expect(publicOnly).not.toContain('内部稿件');
  });

  it('a request without a bulletin fails the invoke with the renderer’s own reason, and nothing is answered', async () => {
    const invoke = lambdaCaller();
    await expect(
      invoke('word-renderer', { kind: 'bulletin-docx', officeName: 'x', includeInternal: true }),
    ).rejects.toThrow(/word-renderer failed: .*carries no bulletin/);
    await expect(invoke('no-such-function', {})).rejects.toThrow(/404/);
  });
});
