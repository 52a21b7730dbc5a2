import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { apiKey } from '../../services';
import { useSession } from '../../stores/session';
import { fakeApi, type Route } from '../queue/fake-api';
import ItemReviewPage from './ItemReviewPage.vue';

const item = {
  itemId: 'it_01',
  unitId: 'weicheng',
  status: 'submitted',
  title: '潍城区开展安全生产大检查',
  body: '近日，潍城区开展安全生产大检查。',
  eventDate: '2026-11-20',
  urgency: 'normal',
  openness: 'public',
  approver: '张明',
  author: { name: '李晓梅', phone: '0536-8201234' },
  submittedAt: '2026-11-20T02:00:00.000Z',
  updatedAt: '2026-11-20T02:00:00.000Z',
  revisions: [],
  findings: [{ code: 'VAGUE_TIME', message: '时间表述模糊，请写明具体日期', evidence: ['近日'] }],
  duplicates: [{ itemId: 'it_09', unitId: 'kuiwen', title: '奎文区开展安全生产检查', similarity: 0.82 }],
  coUnits: [],
  version: 3,
};
const other = {
  ...item,
  itemId: 'it_09',
  unitId: 'kuiwen',
  title: '奎文区开展安全生产检查',
  body: '奎文区的正文。',
};
const units = {
  count: 2,
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
    {
      id: 'kuiwen',
      name: '奎文区',
      class: 'county',
      contacts: [],
      active: true,
      createdAt: '',
      updatedAt: '',
      version: 1,
    },
  ],
};
const history = {
  itemId: 'it_01',
  events: [
    {
      at: '2026-11-20T02:00:00.000Z',
      by: 'person:p1',
      byPerson: { personId: 'p1', name: '李晓梅' },
      role: 'reporter',
      action: 'submit',
      to: 'submitted',
    },
  ],
};

async function mountPage(route: Route) {
  const pinia = createPinia();
  setActivePinia(pinia);
  useSession().me = { role: 'editor', roleLabel: '编辑' } as never;
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/review/:itemId', component: ItemReviewPage },
      { path: '/queue', component: { template: '<p>待处理</p>' } },
    ],
  });
  await router.push('/review/it_01');
  const { api, sent } = fakeApi((method, path, body) => {
    if (path === '/units') return { status: 200, body: units };
    if (path === '/items/it_01/history') return { status: 200, body: history };
    if (path === '/items/it_09') return { status: 200, body: other };
    return route(method, path, body);
  });
  const wrapper = mount(ItemReviewPage, {
    global: { plugins: [pinia, router], provide: { [apiKey as symbol]: api } },
    attachTo: document.body,
  });
  await flushPromises();
  return { wrapper, sent };
}

const button = (wrapper: Awaited<ReturnType<typeof mountPage>>['wrapper'], text: string) =>
  wrapper.findAll('button').find((candidate) => candidate.text() === text);

describe('the item page', () => {
  it('shows the hints and puts a near-duplicate beside the item', async () => {
    const { wrapper } = await mountPage((_method, path) => {
      if (path === '/items/it_01') return { status: 200, body: item };
      if (path === '/items/it_01/diff')
        return { status: 200, body: { itemId: 'it_01', basis: 'none', title: [], body: [] } };
      return undefined;
    });
    expect(wrapper.find('[data-code="VAGUE_TIME"]').text()).toContain('近日');
    expect(wrapper.find('[data-code="NEAR_DUPLICATE"]').text()).toContain(
      '奎文区《奎文区开展安全生产检查》，相似度 82%',
    );
    expect(wrapper.text()).toContain('编辑尚未改动');
    await button(wrapper, '对照')?.trigger('click');
    await flushPromises();
    const pair = wrapper.find('.pair').text();
    expect(pair).toContain('近日，潍城区开展安全生产大检查。');
    expect(pair).toContain('奎文区的正文。');
    wrapper.unmount();
  });

  it('saves the edited text with the version read and shows the new 改稿对照', async () => {
    let edited = false;
    const { wrapper, sent } = await mountPage((method, path) => {
      if (method === 'PUT' && path === '/items/it_01/edit') {
        edited = true;
        return {
          status: 200,
          body: {
            ...item,
            version: 4,
            edited: { title: item.title, body: '11月20日，潍城区开展安全生产大检查。', at: '', by: '' },
          },
        };
      }
      if (path === '/items/it_01') return { status: 200, body: item };
      if (path === '/items/it_01/diff')
        return {
          status: 200,
          body: edited
            ? {
                itemId: 'it_01',
                basis: 'edited',
                title: [{ op: 'same', text: item.title }],
                body: [
                  { op: 'removed', text: '近日' },
                  { op: 'added', text: '11月20日' },
                  { op: 'same', text: '，潍城区开展安全生产大检查。' },
                ],
              }
            : { itemId: 'it_01', basis: 'none', title: [], body: [] },
        };
      return undefined;
    });
    await button(wrapper, '编辑采用稿')?.trigger('click');
    expect((wrapper.find('textarea#edit-body').element as HTMLTextAreaElement).value).toBe(item.body);
    await wrapper.find('textarea#edit-body').setValue('11月20日，潍城区开展安全生产大检查。');
    await wrapper.find('form.edit').trigger('submit');
    await flushPromises();
    expect(sent.find((request) => request.method === 'PUT')?.body).toEqual({
      title: item.title,
      body: '11月20日，潍城区开展安全生产大检查。',
      version: 3,
    });
    expect(wrapper.find('.diff del').text()).toContain('近日');
    expect(wrapper.find('.diff ins').text()).toContain('11月20日');
    wrapper.unmount();
  });

  it('reloads the item and says why when someone else edited it first', async () => {
    let reads = 0;
    const { wrapper } = await mountPage((method, path) => {
      if (method === 'PUT')
        return {
          status: 409,
          body: { error: { code: 'VERSION_CONFLICT', message: '稿件已被他人处理或修改' } },
        };
      if (path === '/items/it_01') {
        reads += 1;
        return { status: 200, body: reads === 1 ? item : { ...item, status: 'candidate', version: 4 } };
      }
      if (path === '/items/it_01/diff')
        return { status: 200, body: { itemId: 'it_01', basis: 'none', title: [], body: [] } };
      return undefined;
    });
    await button(wrapper, '编辑采用稿')?.trigger('click');
    await wrapper.find('form.edit').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[role="alert"]').text()).toContain('该稿件已被他人处理，已刷新为最新状态');
    expect(wrapper.find('[data-test="status"]').text()).toBe('拟采用');
    wrapper.unmount();
  });
});
