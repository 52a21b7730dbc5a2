import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { apiKey } from '../../services';
import { useSession } from '../../stores/session';
import { fakeApi, type Route } from '../queue/fake-api';
import BulletinComposerPage from './BulletinComposerPage.vue';

function entry(n: number) {
  return {
    itemId: `it_${n}`,
    unitId: 'weicheng',
    coUnits: [],
    unitNames: ['潍城区'],
    title: `稿件${n}`,
    body: `正文${n}。`,
    openness: 'public',
    itemVersion: 2,
  };
}

function candidate(n: number) {
  return {
    itemId: `it_${n}`,
    unitId: 'weicheng',
    status: 'candidate',
    title: `稿件${n}`,
    eventDate: '2026-11-20',
    urgency: 'normal',
    openness: 'public',
    submittedAt: '2026-11-20T02:00:00.000Z',
    version: 2,
    warnings: 0,
  };
}

function bulletin(items: ReturnType<typeof entry>[], extra: Record<string, unknown> = {}) {
  return {
    bulletinId: 'bl_1',
    seriesId: 'zwxx',
    seriesName: '政务信息',
    year: 2026,
    status: 'draft',
    items,
    editor: 'person:p2',
    signer: '张建国',
    distribution: { report: ['市委办公室'], send: [], issue: [] },
    createdAt: '2026-12-05T02:00:00.000Z',
    updatedAt: '2026-12-05T02:00:00.000Z',
    version: 4,
    ...extra,
  };
}

async function mountPage(shown: ReturnType<typeof bulletin>, route: Route = () => undefined) {
  const pinia = createPinia();
  setActivePinia(pinia);
  useSession().me = { role: 'editor', roleLabel: '编辑' } as never;
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/bulletins/:bulletinId', component: BulletinComposerPage },
      { path: '/bulletins', component: { template: '<p>列表</p>' } },
      { path: '/review/:itemId', component: { template: '<p>稿件</p>' } },
    ],
  });
  await router.push('/bulletins/bl_1');
  const { api, sent } = fakeApi((method, path, body) => {
    if (path === '/units') return { status: 200, body: { count: 0, units: [] } };
    if (method === 'GET' && path === '/bulletins/bl_1') return { status: 200, body: shown };
    if (method === 'GET' && path === '/items')
      return { status: 200, body: { items: [candidate(1), candidate(2), candidate(3), candidate(20)] } };
    return route(method, path, body);
  });
  const wrapper = mount(BulletinComposerPage, {
    global: { plugins: [pinia, router], provide: { [apiKey as symbol]: api } },
    attachTo: document.body,
  });
  await flushPromises();
  return { wrapper, sent };
}

type Wrapper = Awaited<ReturnType<typeof mountPage>>['wrapper'];
const labelled = (wrapper: Wrapper, label: string) => wrapper.find(`button[aria-label="${label}"]`);
const button = (wrapper: Wrapper, text: string) =>
  wrapper.findAll('button').find((candidate) => candidate.text() === text);
const order = (wrapper: Wrapper) =>
  wrapper.findAll('[data-test="entry"] .entry-title').map((title) => title.text());

describe('the bulletin composer', () => {
  it('offers only candidates not yet in the issue, and no more once it holds 15', async () => {
    const { wrapper } = await mountPage(bulletin([entry(1), entry(2)]));
    expect(wrapper.findAll('[data-test="candidate"]').map((row) => row.find('a').text())).toEqual([
      '稿件3',
      '稿件20',
    ]);
    wrapper.unmount();

    const fifteen = Array.from({ length: 15 }, (_, index) => entry(index + 1));
    const full = await mountPage(bulletin(fifteen));
    expect(full.wrapper.text()).toContain('本期稿件（15 / 15 篇）');
    expect(full.wrapper.text()).toContain('本期已满 15 篇');
    expect(labelled(full.wrapper, '编入《稿件20》').attributes('disabled')).toBeDefined();
    full.wrapper.unmount();
  });

  it('reorders with the up and down buttons and saves the order with the version read', async () => {
    const { wrapper, sent } = await mountPage(
      bulletin([entry(1), entry(2), entry(3)]),
      (method, path, body) => {
        if (method === 'PUT' && path === '/bulletins/bl_1') {
          const ids = (body as { items: { itemId: string }[] }).items.map((one) => one.itemId);
          return {
            status: 200,
            body: bulletin(
              ids.map((id) => entry(Number(id.slice(3)))),
              { version: 5 },
            ),
          };
        }
        return undefined;
      },
    );
    expect(labelled(wrapper, '上移《稿件1》').attributes('disabled')).toBeDefined();
    await labelled(wrapper, '下移《稿件1》').trigger('click');
    await labelled(wrapper, '上移《稿件3》').trigger('click');
    expect(order(wrapper)).toEqual(['稿件2', '稿件3', '稿件1']);
    expect(wrapper.text()).toContain('有未保存的改动');
    await labelled(wrapper, '编入《稿件20》').trigger('click');
    await button(wrapper, '保存草稿')?.trigger('click');
    await flushPromises();
    const put = sent.find((one) => one.method === 'PUT');
    expect(put?.body).toEqual({
      version: 4,
      items: [{ itemId: 'it_2' }, { itemId: 'it_3' }, { itemId: 'it_1' }, { itemId: 'it_20' }],
      signer: '张建国',
      distribution: { report: ['市委办公室'], send: [], issue: [] },
    });
    expect(wrapper.text()).toContain('草稿已保存');
    wrapper.unmount();
  });

  it('reorders by dragging an entry onto another', async () => {
    const { wrapper } = await mountPage(bulletin([entry(1), entry(2), entry(3)]));
    const rows = wrapper.findAll('[data-test="entry"]');
    expect(rows[0]?.attributes('draggable')).toBe('true');
    await rows[0]?.trigger('dragstart');
    await rows[2]?.trigger('drop');
    expect(order(wrapper)).toEqual(['稿件2', '稿件3', '稿件1']);
    wrapper.unmount();
  });

  it('shows a published issue read-only to an admin', async () => {
    const published = bulletin([entry(1)], { status: 'published', number: 7, total: 131 });
    const { wrapper } = await mountPage(published);
    useSession().me = { role: 'admin', roleLabel: '管理员' } as never;
    await flushPromises();
    expect(button(wrapper, '下载 Word')).toBeDefined();
    expect(button(wrapper, '撤回')).toBeUndefined();
    expect(button(wrapper, '发布')).toBeUndefined();
    expect(wrapper.find('[data-test="candidate"]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('publishes and shows the number the API assigned', async () => {
    const { wrapper } = await mountPage(bulletin([entry(1)]), (method, path) => {
      if (method === 'PUT' && path === '/bulletins/bl_1')
        return { status: 200, body: bulletin([entry(1)], { version: 5 }) };
      if (method === 'POST' && path === '/bulletins/bl_1/publish')
        return {
          status: 200,
          body: bulletin([entry(1)], { version: 6, status: 'published', number: 7, total: 131 }),
        };
      return undefined;
    });
    await button(wrapper, '发布')?.trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-test="issue"]').text()).toBe('第7期（总第131期）');
    expect(wrapper.text()).toContain('已发布：《政务信息》2026年第7期（总第131期）');
    expect(button(wrapper, '下载 Word')).toBeDefined();
    expect(button(wrapper, '保存草稿')).toBeUndefined();
    wrapper.unmount();
  });

  it('explains a version conflict and shows the draft as it now is', async () => {
    let reads = 0;
    const { wrapper } = await mountPage(bulletin([entry(1), entry(2)]), (method, path) => {
      if (method === 'PUT' && path === '/bulletins/bl_1') {
        reads += 1;
        return {
          status: 409,
          body: { error: { code: 'VERSION_CONFLICT', message: '这一期已被他人修改，请刷新后再操作' } },
        };
      }
      return undefined;
    });
    await labelled(wrapper, '下移《稿件1》').trigger('click');
    await button(wrapper, '保存草稿')?.trigger('click');
    await flushPromises();
    expect(reads).toBe(1);
    expect(wrapper.find('[role="alert"]').text()).toContain('本期已被他人修改，已刷新为最新内容');
    expect(order(wrapper)).toEqual(['稿件1', '稿件2']);
    wrapper.unmount();
  });

  it('will not withdraw without a reason, then sends the reason with the version', async () => {
    const published = bulletin([entry(1)], { status: 'published', number: 7, total: 131, version: 6 });
    const { wrapper, sent } = await mountPage(published, (method, path) => {
      if (method === 'POST' && path === '/bulletins/bl_1/withdraw')
        return {
          status: 200,
          body: { ...published, status: 'withdrawn', version: 7, withdrawReason: '数据有误' },
        };
      return undefined;
    });
    await button(wrapper, '撤回')?.trigger('click');
    await flushPromises();
    const form = document.querySelector('form.withdraw');
    expect(form).not.toBeNull();
    form?.dispatchEvent(new Event('submit', { cancelable: true }));
    await flushPromises();
    expect(document.querySelector('form.withdraw [role="alert"]')?.textContent).toContain('撤回必须填写原因');
    expect(sent.filter((one) => one.path.endsWith('/withdraw'))).toHaveLength(0);

    const reason = document.querySelector<HTMLTextAreaElement>('#withdraw-reason');
    if (!reason) throw new Error('no reason field');
    reason.value = '数据有误';
    reason.dispatchEvent(new Event('input'));
    form?.dispatchEvent(new Event('submit', { cancelable: true }));
    await flushPromises();
    expect(sent.find((one) => one.path.endsWith('/withdraw'))?.body).toEqual({
      version: 6,
      reason: '数据有误',
    });
    expect(wrapper.text()).toContain('撤回原因：数据有误');
    wrapper.unmount();
  });
});
