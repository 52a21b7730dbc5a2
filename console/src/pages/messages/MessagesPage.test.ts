import { flushPromises, mount } from '@vue/test-utils';
import createClient from 'openapi-fetch';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { paths } from '../../api/schema.generated';
import UnreadBadge from '../../layout/UnreadBadge.vue';
import { apiKey } from '../../services';
import { everyWhileVisible } from '../../stores/inbox';
import MessagesPage from './MessagesPage.vue';
import type { Message } from './messages';

const returned: Message = {
  messageId: 'ms_returned',
  kind: 'item-returned',
  title: '稿件被退回修改：潍城区开展冬季安全生产检查',
  text: '编辑意见：请补充整改隐患的具体数字。',
  unitId: 'weicheng',
  itemId: 'it_1',
  createdAt: '2026-12-05T02:00:00.000Z',
};
const commission: Message = {
  messageId: 'ms_commission',
  kind: 'commission-new',
  title: '新约稿：冬季安全生产',
  text: '截止 2026年12月20日',
  unitId: 'weicheng',
  commissionId: 'cm_1',
  createdAt: '2026-12-04T02:00:00.000Z',
  readAt: '2026-12-04T03:00:00.000Z',
};

/** A fake inbox: two messages, one unread; reading changes what unread-count answers. */
function fakeApi() {
  const read = new Set<string>(['ms_commission']);
  const sent: string[] = [];
  let mailCopy = false;
  const api = createClient<paths>({
    baseUrl: 'http://api.test',
    fetch: async (request: Request) => {
      const url = new URL(request.url);
      sent.push(`${request.method} ${url.pathname}${url.search}`);
      const all = [returned, commission].map((message) =>
        read.has(message.messageId)
          ? { ...message, readAt: message.readAt ?? '2026-12-05T03:00:00.000Z' }
          : message,
      );
      if (url.pathname === '/messages/unread-count')
        return Response.json({ unread: all.filter((m) => !m.readAt).length });
      if (url.pathname === '/messages')
        return Response.json({
          messages: url.searchParams.get('unread') === 'true' ? all.filter((m) => !m.readAt) : all,
        });
      if (url.pathname === '/messages/read-all') {
        const marked = all.filter((m) => !m.readAt).length;
        for (const message of all) read.add(message.messageId);
        return Response.json({ marked });
      }
      const readOne = /^\/messages\/([^/]+)\/read$/.exec(url.pathname);
      if (readOne?.[1]) {
        read.add(readOne[1]);
        return Response.json({ ...returned, readAt: '2026-12-05T03:00:00.000Z' });
      }
      if (url.pathname === '/messages/preferences') {
        if (request.method === 'PUT') mailCopy = (await request.json()).mailCopy;
        return Response.json({ mailCopy });
      }
      return Response.json({ error: { code: 'NOT_FOUND', message: '未找到' } }, { status: 404 });
    },
  });
  return { api, sent };
}

async function mountInbox() {
  const { api, sent } = fakeApi();
  const pinia = createPinia();
  setActivePinia(pinia);
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/messages', component: MessagesPage },
      { path: '/my-items/:itemId', component: { template: '<p>信息详情</p>' } },
      { path: '/commissions', component: { template: '<p>约稿</p>' } },
    ],
  });
  await router.push('/messages');
  const wrapper = mount(
    { components: { UnreadBadge }, template: '<header><UnreadBadge /></header><router-view />' },
    { global: { plugins: [pinia, router], provide: { [apiKey as symbol]: api } }, attachTo: document.body },
  );
  await flushPromises();
  return { wrapper, router, sent };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('站内消息', () => {
  it('shows the unread count in the header and names it for screen readers', async () => {
    const { wrapper } = await mountInbox();
    const badge = wrapper.find('[data-test="unread-badge"]');
    expect(badge.text()).toBe('消息1');
    expect(badge.attributes('aria-label')).toBe('消息，1 条未读');
    wrapper.unmount();
  });

  it('lists the messages with the editor comment and marks the unread one', async () => {
    const { wrapper } = await mountInbox();
    const items = wrapper.findAll('[data-test="message"]');
    expect(items).toHaveLength(2);
    expect(items[0]?.text()).toContain('退回修改');
    expect(items[0]?.text()).toContain('编辑意见：请补充整改隐患的具体数字。');
    expect(items[0]?.text()).toContain('未读');
    expect(items[1]?.text()).not.toContain('未读');
    wrapper.unmount();
  });

  it('opening a returned item marks it read, clears the badge and opens the item', async () => {
    const { wrapper, router, sent } = await mountInbox();
    const title = wrapper.findAll('button').find((button) => button.text().startsWith('稿件被退回修改'));
    await title?.trigger('click');
    await flushPromises();
    expect(sent).toContain('POST /messages/ms_returned/read');
    await expect.poll(() => router.currentRoute.value.path).toBe('/my-items/it_1');
    const badge = wrapper.find('[data-test="unread-badge"]');
    expect(badge.find('.count').exists()).toBe(false);
    expect(badge.attributes('aria-label')).toBe('消息，没有未读');
    wrapper.unmount();
  });

  it('a 约稿 message leads to the 约稿 page', async () => {
    const { wrapper, router } = await mountInbox();
    await wrapper
      .findAll('button')
      .find((button) => button.text() === '查看约稿')
      ?.trigger('click');
    await flushPromises();
    await expect.poll(() => router.currentRoute.value.path).toBe('/commissions');
    wrapper.unmount();
  });

  it('全部标为已读 marks everything and says how many', async () => {
    const { wrapper } = await mountInbox();
    await wrapper
      .findAll('button')
      .find((button) => button.text() === '全部标为已读')
      ?.trigger('click');
    await flushPromises();
    expect(wrapper.find('.done').text()).toBe('已将 1 条消息标为已读');
    expect(wrapper.text()).not.toContain('未读消息');
    expect(wrapper.find('[data-test="unread-badge"] .count').exists()).toBe(false);
    wrapper.unmount();
  });

  it('turns the mail copy on and explains when mails go out', async () => {
    const { wrapper, sent } = await mountInbox();
    expect(wrapper.find('label[for="mail-copy"]').text()).toContain('电子邮箱');
    expect(wrapper.text()).toContain('每天 17:00 汇总为一封');
    await wrapper.find('#mail-copy').trigger('click');
    await flushPromises();
    expect(sent).toContain('PUT /messages/preferences');
    expect(wrapper.text()).toContain('已开启邮件抄送');
    wrapper.unmount();
  });
});

describe('the unread count is asked again', () => {
  it('every interval while the tab is visible, never while hidden, and at once on return', () => {
    vi.useFakeTimers();
    let visibility: DocumentVisibilityState = 'visible';
    const doc = document.implementation.createHTMLDocument('');
    Object.defineProperty(doc, 'visibilityState', { get: () => visibility });
    const task = vi.fn();
    const stop = everyWhileVisible(task, 60_000, doc);
    vi.advanceTimersByTime(60_000);
    expect(task).toHaveBeenCalledTimes(1);
    visibility = 'hidden';
    vi.advanceTimersByTime(180_000);
    expect(task).toHaveBeenCalledTimes(1);
    visibility = 'visible';
    doc.dispatchEvent(new Event('visibilitychange'));
    expect(task).toHaveBeenCalledTimes(2);
    stop();
    vi.advanceTimersByTime(120_000);
    expect(task).toHaveBeenCalledTimes(2);
  });
});
