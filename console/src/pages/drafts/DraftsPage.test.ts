import { flushPromises, mount } from '@vue/test-utils';
import createClient from 'openapi-fetch';
import { createPinia } from 'pinia';
import { describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { components, paths } from '../../api/schema.generated';
import { apiKey } from '../../services';
import DraftsPage from './DraftsPage.vue';

type DraftSummary = components['schemas']['DraftSummary'];

const drafts: DraftSummary[] = Array.from({ length: 3 }, (_, index) => ({
  draftId: `df_${String(index).padStart(22, '0')}`,
  title: `第${index + 1}份草稿`,
  urgency: 'normal',
  createdAt: `2026-12-0${5 - index}T01:00:00.000Z`,
  updatedAt: `2026-12-0${5 - index}T02:00:00.000Z`,
  version: 1,
}));

/** Two drafts a page, newest first; DELETE removes one. */
async function mountPage() {
  const sent: string[] = [];
  let stored = [...drafts];
  const api = createClient<paths>({
    baseUrl: 'http://api.test',
    fetch: async (request: Request) => {
      const url = new URL(request.url);
      sent.push(`${request.method} ${url.pathname}${url.search}`);
      if (request.method === 'DELETE') {
        const draftId = url.pathname.split('/').pop() ?? '';
        stored = stored.filter((draft) => draft.draftId !== draftId);
        return Response.json({ draftId, deleted: true });
      }
      const from = Number(url.searchParams.get('cursor') ?? 0);
      const page = stored.slice(from, from + 2);
      return Response.json({
        drafts: page,
        ...(from + 2 < stored.length ? { nextCursor: String(from + 2) } : {}),
      });
    },
  });
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/drafts', component: DraftsPage },
      { path: '/write', component: { template: '<p>写信息</p>' } },
    ],
  });
  await router.push('/drafts');
  const wrapper = mount(DraftsPage, {
    global: { plugins: [createPinia(), router], provide: { [apiKey as symbol]: api } },
    attachTo: document.body,
  });
  await flushPromises();
  return { wrapper, router, sent };
}

const button = (root: ParentNode, name: string) =>
  [...root.querySelectorAll('button')].find((candidate) => candidate.textContent?.trim() === name);

describe('草稿箱', () => {
  it('lists the drafts a page at a time, each opening 写信息 with its id', async () => {
    const { wrapper, sent } = await mountPage();
    expect(wrapper.findAll('a.title-link').map((link) => link.text())).toEqual(['第1份草稿', '第2份草稿']);
    expect(wrapper.find('a.title-link').attributes('href')).toBe(`/write?draftId=${drafts[0]?.draftId}`);
    await wrapper
      .findAll('button')
      .find((candidate) => candidate.text() === '加载更多')
      ?.trigger('click');
    await flushPromises();
    expect(wrapper.findAll('a.title-link')).toHaveLength(3);
    expect(sent).toContain('GET /drafts?limit=20&cursor=2');
    wrapper.unmount();
  });

  it('deletes a draft only after it is confirmed', async () => {
    const { wrapper, sent } = await mountPage();
    const remove = wrapper.find('button[aria-label="删除草稿：第1份草稿"]');
    await remove.trigger('click');
    await flushPromises();
    expect(sent.some((request) => request.startsWith('DELETE'))).toBe(false);
    await expect.poll(() => document.body.textContent).toContain('删除后无法恢复');
    const confirm = [...document.querySelectorAll('.el-popconfirm')]
      .map((popup) => button(popup, '删除'))
      .find((candidate) => candidate !== undefined);
    confirm?.click();
    await flushPromises();
    expect(sent).toContain(`DELETE /drafts/${drafts[0]?.draftId}`);
    expect(wrapper.findAll('a.title-link').map((link) => link.text())).toEqual(['第2份草稿']);
    expect(wrapper.find('[role="status"]').text()).toBe('已删除草稿“第1份草稿”');
    wrapper.unmount();
  });
});
