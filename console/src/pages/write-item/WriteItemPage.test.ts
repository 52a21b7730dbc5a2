import { flushPromises, mount } from '@vue/test-utils';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import createClient from 'openapi-fetch';
import { createPinia, setActivePinia } from 'pinia';
import { describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { paths } from '../../api/schema.generated';
import { apiKey } from '../../services';
import { useSession } from '../../stores/session';
import WriteItemPage from './WriteItemPage.vue';

interface Sent {
  method: string;
  path: string;
  key: string | null;
  body: Record<string, unknown> | undefined;
}

async function mountPage(query = '') {
  const sent: Sent[] = [];
  const api = createClient<paths>({
    baseUrl: 'http://api.test',
    fetch: async (request: Request) => {
      const text = await request.text();
      const path = new URL(request.url).pathname;
      sent.push({
        method: request.method,
        path,
        key: request.headers.get('idempotency-key'),
        body: text ? JSON.parse(text) : undefined,
      });
      if (path === '/items' && request.method === 'POST')
        return Response.json({ itemId: 'it_new' }, { status: 201 });
      if (path.endsWith('/commissions'))
        return Response.json({
          unitId: 'weicheng',
          commissions: [
            {
              commissionId: 'cm_1',
              topic: '冬季安全生产',
              requirements: '',
              deadline: '2026-12-20T09:00:00.000Z',
              year: 2026,
              targetAll: true,
              open: true,
              createdAt: '2026-12-01T01:00:00.000Z',
              unit: { unitId: 'weicheng', status: 'pending' },
            },
          ],
        });
      return Response.json({ findings: [], duplicates: [] });
    },
  });
  const pinia = createPinia();
  setActivePinia(pinia);
  useSession().me = {
    role: 'reporter',
    roleLabel: '信息员',
    unitId: 'weicheng',
    person: { name: '李晓梅', phone: '0536-8201234' },
  } as never;
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/write', component: WriteItemPage },
      { path: '/my-items/:itemId', component: { template: '<p>信息详情</p>' } },
    ],
  });
  await router.push(`/write${query}`);
  const wrapper = mount(WriteItemPage, {
    global: { plugins: [pinia, router], provide: { [apiKey as symbol]: api } },
    attachTo: document.body,
  });
  await flushPromises();
  return { wrapper, router, sent };
}

async function chooseFile(input: HTMLInputElement, file: File) {
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change'));
}

describe('写信息 from a Word file', () => {
  it('fills title and body from the chosen .docx and says so', async () => {
    const { wrapper } = await mountPage();
    const input = wrapper.find('input#word-file');
    expect(wrapper.find('label[for="word-file"]').text()).toContain('从 Word 导入');
    const document = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: '潍城区完成老旧小区改造12个', heading: HeadingLevel.TITLE }),
            new Paragraph({ text: '今年以来，潍城区投入资金1.2亿元，完成老旧小区改造12个。' }),
            new Paragraph({ text: '惠及居民3600户。' }),
          ],
        },
      ],
    });
    const bytes = await Packer.toArrayBuffer(document);
    await chooseFile(input.element as HTMLInputElement, new File([bytes], '改造.docx'));
    await expect
      .poll(() => (wrapper.find('input#item-title').element as HTMLInputElement).value)
      .toBe('潍城区完成老旧小区改造12个');
    expect((wrapper.find('textarea#item-body').element as HTMLTextAreaElement).value).toBe(
      '今年以来，潍城区投入资金1.2亿元，完成老旧小区改造12个。\n惠及居民3600户。',
    );
    expect(wrapper.find('[role="status"]').text()).toContain('已从“改造.docx”导入标题和正文');
    wrapper.unmount();
  });

  it('says plainly when the file is not a .docx and leaves the form alone', async () => {
    const { wrapper } = await mountPage();
    await wrapper.find('input#item-title').setValue('自己写的标题');
    await chooseFile(
      wrapper.find('input#word-file').element as HTMLInputElement,
      new File(['x'], '旧稿.doc'),
    );
    await expect.poll(() => wrapper.find('[role="status"]').exists()).toBe(true);
    expect(wrapper.find('[role="status"]').text()).toContain('只能导入 Word 文档（.docx）');
    expect((wrapper.find('input#item-title').element as HTMLInputElement).value).toBe('自己写的标题');
    wrapper.unmount();
  });

  it('answers a 约稿: names it and sends its id with the item, then opens the item', async () => {
    const { wrapper, router, sent } = await mountPage('?commissionId=cm_1');
    expect(wrapper.text()).toContain('回应约稿：冬季安全生产');
    await wrapper.find('input#item-title').setValue('潍城区开展冬季安全生产检查');
    await wrapper.find('textarea#item-body').setValue('12月1日至5日，潍城区检查企业40家，整改隐患52处。');
    await wrapper.find('input#item-approver').setValue('张明');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    const submit = sent.find((request) => request.path === '/items');
    expect(submit?.body?.commissionId).toBe('cm_1');
    expect(submit?.key).toMatch(/^[0-9a-f-]{36}$/);
    await expect.poll(() => router.currentRoute.value.fullPath).toBe('/my-items/it_new?submitted=1');
    wrapper.unmount();
  });
});
