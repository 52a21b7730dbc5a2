import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { apiKey } from '../../services';
import { useSession } from '../../stores/session';
import { fakeApi, type Route } from './fake-api';
import QueuePage from './QueuePage.vue';

const row = {
  itemId: 'it_01',
  unitId: 'weicheng',
  status: 'submitted',
  title: '潍城区开展安全生产大检查',
  eventDate: '2026-11-20',
  urgency: 'important',
  openness: 'public',
  submittedAt: '2026-11-20T02:00:00.000Z',
  version: 1,
  warnings: 2,
};
const fullItem = {
  ...row,
  body: '正文',
  approver: '张明',
  author: { name: '李晓梅', phone: '0536-8201234' },
  updatedAt: row.submittedAt,
  revisions: [],
  findings: [],
  duplicates: [],
  coUnits: [],
};
const units = {
  count: 1,
  units: [
    {
      id: 'weicheng',
      name: '潍城区',
      class: 'county',
      contacts: [],
      active: true,
      createdAt: '',
      updatedAt: '',
      version: 1,
    },
  ],
};

async function mountQueue(route: Route) {
  const pinia = createPinia();
  setActivePinia(pinia);
  useSession().me = { role: 'editor', roleLabel: '编辑' } as never;
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/queue', component: QueuePage },
      { path: '/merge', component: { template: '<p>合并</p>' } },
      { path: '/review/:itemId', component: { template: '<p>稿件</p>' } },
    ],
  });
  await router.push('/queue');
  const { api, sent } = fakeApi((method, path, body) => {
    if (path === '/units') return { status: 200, body: units };
    return route(method, path, body);
  });
  const wrapper = mount(QueuePage, {
    global: { plugins: [pinia, router], provide: { [apiKey as symbol]: api } },
    attachTo: document.body,
  });
  await flushPromises();
  return { wrapper, sent, router };
}

describe('the editor’s queue', () => {
  it('asks for one page of waiting items and the next only on 加载更多', async () => {
    const { wrapper, sent } = await mountQueue((method, path) =>
      method === 'GET' && path === '/items'
        ? { status: 200, body: { items: [row], nextCursor: 'c2' } }
        : undefined,
    );
    const lists = () => sent.filter((request) => request.path.startsWith('/items?'));
    expect(lists()).toHaveLength(1);
    expect(lists()[0]?.path).toContain('status=submitted');
    expect(lists()[0]?.path).toContain('limit=20');
    expect(wrapper.text()).toContain('潍城区开展安全生产大检查');
    expect(wrapper.text()).toContain('紧急重要');
    expect(wrapper.text()).toContain('提示 2 条');
    const more = wrapper.findAll('button').find((button) => button.text() === '加载更多');
    await more?.trigger('click');
    await flushPromises();
    expect(lists()[1]?.path).toContain('cursor=c2');
    wrapper.unmount();
  });

  it('opens a row’s hints and near-duplicates beside it', async () => {
    const { wrapper } = await mountQueue((method, path) => {
      if (method === 'GET' && path === '/items') return { status: 200, body: { items: [row] } };
      if (method === 'GET' && path === '/items/it_01')
        return {
          status: 200,
          body: {
            ...fullItem,
            findings: [{ code: 'VAGUE_TIME', message: '时间表述模糊', evidence: ['近日'] }],
            duplicates: [{ itemId: 'it_07', unitId: 'weicheng', title: '潍城区安全检查', similarity: 0.9 }],
          },
        };
      return undefined;
    });
    const toggle = wrapper.findAll('button').find((button) => button.text() === '查看 2 条提示与查重');
    expect(toggle?.attributes('aria-expanded')).toBe('false');
    await toggle?.trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-code="VAGUE_TIME"]').text()).toContain('近日');
    expect(wrapper.find('[data-code="NEAR_DUPLICATE"]').text()).toContain(
      '潍城区《潍城区安全检查》，相似度 90%',
    );
    wrapper.unmount();
  });

  it('explains a version conflict from the list and shows the item as it now is', async () => {
    const { wrapper, sent } = await mountQueue((method, path) => {
      if (method === 'GET' && path === '/items') return { status: 200, body: { items: [row] } };
      if (method === 'POST' && path === '/items/it_01/decision')
        return {
          status: 409,
          body: { error: { code: 'VERSION_CONFLICT', message: '稿件已被他人处理或修改，请刷新后再操作' } },
        };
      if (method === 'GET' && path === '/items/it_01')
        return { status: 200, body: { ...fullItem, status: 'candidate', version: 2 } };
      return undefined;
    });
    const adopt = wrapper.findAll('button').find((button) => button.text() === '拟采用');
    await adopt?.trigger('click');
    await flushPromises();
    expect(sent.find((request) => request.method === 'POST')?.body).toEqual({
      decision: 'candidate',
      version: 1,
    });
    expect(wrapper.find('[role="alert"]').text()).toContain('该稿件已被他人处理，已刷新为最新状态');
    expect(wrapper.find('[data-test="status"]').text()).toBe('拟采用');
    // The row now offers what fits its new state, with the new version.
    expect(wrapper.findAll('button').some((button) => button.text() === '拟采用')).toBe(false);
    wrapper.unmount();
  });

  it('opens the merge page with the chosen items', async () => {
    const second = { ...row, itemId: 'it_02', unitId: 'kuiwen', title: '奎文区开展安全生产检查' };
    const { wrapper, router } = await mountQueue((method, path) =>
      method === 'GET' && path === '/items' ? { status: 200, body: { items: [row, second] } } : undefined,
    );
    const merge = () =>
      wrapper.findAll('button').find((button) => button.text().startsWith('合并为综合信息'));
    expect(merge()?.attributes('disabled')).toBeDefined();
    for (const box of wrapper.findAll('input[type="checkbox"]')) await box.setValue(true);
    expect(merge()?.text()).toContain('已选 2 篇');
    await merge()?.trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.path).toBe('/merge');
    expect(router.currentRoute.value.query.ids).toBe('it_01,it_02');
    wrapper.unmount();
  });
});
