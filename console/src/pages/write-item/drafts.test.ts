import { flushPromises, mount } from '@vue/test-utils';
import createClient from 'openapi-fetch';
import { createPinia, setActivePinia } from 'pinia';
import { describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { paths } from '../../api/schema.generated';
import { apiKey } from '../../services';
import { useSession } from '../../stores/session';
import { type Draft, draftFields, formFromDraft } from './drafts';
import { emptyForm } from './precheck';
import WriteItemPage from './WriteItemPage.vue';

interface Sent {
  method: string;
  path: string;
  body: Record<string, unknown> | undefined;
}

const saved: Draft = {
  draftId: 'df_aaaaaaaaaaaaaaaaaaaaaa',
  title: '潍城区开展冬季安全生产检查',
  body: '12月1日至5日，潍城区检查企业40家，整改隐患52处。',
  eventDate: '2026-12-05',
  urgency: 'important',
  openness: 'internal',
  approver: '张明',
  author: { name: '王芳', phone: '0536-8200000' },
  createdAt: '2026-12-05T01:00:00.000Z',
  updatedAt: '2026-12-05T02:00:00.000Z',
  version: 3,
};

/** A small fake of the drafts routes: one stored draft, its version, and a switch for a 409. */
async function mountPage(path = '/write', options: { conflict?: boolean } = {}) {
  const sent: Sent[] = [];
  let version = saved.version;
  const api = createClient<paths>({
    baseUrl: 'http://api.test',
    fetch: async (request: Request) => {
      const text = await request.text();
      const url = new URL(request.url).pathname;
      const body = text ? JSON.parse(text) : undefined;
      sent.push({ method: request.method, path: url, body });
      if (url === '/drafts' && request.method === 'POST') {
        version = 1;
        return Response.json(
          {
            ...body,
            draftId: saved.draftId,
            version,
            createdAt: saved.createdAt,
            updatedAt: saved.updatedAt,
          },
          { status: 201 },
        );
      }
      if (url === `/drafts/${saved.draftId}` && request.method === 'GET')
        return Response.json({ ...saved, version });
      if (url === `/drafts/${saved.draftId}` && request.method === 'PUT') {
        if (options.conflict || body.version !== version)
          return Response.json(
            { error: { code: 'VERSION_CONFLICT', message: '草稿已被修改，请刷新后重试' } },
            { status: 409 },
          );
        version += 1;
        return Response.json({
          ...body,
          draftId: saved.draftId,
          version,
          createdAt: saved.createdAt,
          updatedAt: saved.updatedAt,
        });
      }
      if (url === `/drafts/${saved.draftId}/submit`)
        return Response.json({ itemId: 'it_fromdraft' }, { status: 201 });
      if (url === '/items') return Response.json({ itemId: 'it_direct' }, { status: 201 });
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
  await router.push(path);
  const wrapper = mount(WriteItemPage, {
    global: { plugins: [pinia, router], provide: { [apiKey as symbol]: api } },
    attachTo: document.body,
  });
  await flushPromises();
  return { wrapper, router, sent };
}

const value = (wrapper: Awaited<ReturnType<typeof mountPage>>['wrapper'], selector: string) =>
  (wrapper.find(selector).element as HTMLInputElement).value;

function button(wrapper: Awaited<ReturnType<typeof mountPage>>['wrapper'], name: string) {
  const found = wrapper.findAll('button').find((candidate) => candidate.text() === name);
  if (!found) throw new Error(`no button ${name}`);
  return found;
}

describe('draft fields', () => {
  it('leaves blank fields out, so a half-written draft can be saved', () => {
    const form = { ...emptyForm(), title: ' 只有标题 ' };
    expect(draftFields(form)).toEqual({
      title: '只有标题',
      urgency: 'normal',
      openness: 'public',
      secrecy: 'non-secret',
    });
  });

  it('brings a saved draft back whole, with the profile for a sign-off it left blank', () => {
    const { author: _author, ...withoutAuthor } = saved;
    expect(formFromDraft(withoutAuthor, { name: '李晓梅', phone: '0536-8201234' })).toMatchObject({
      title: saved.title,
      eventDate: '2026-12-05',
      urgency: 'important',
      openness: 'internal',
      authorName: '李晓梅',
      authorPhone: '0536-8201234',
    });
  });
});

describe('写信息 with drafts', () => {
  it('saves a new draft once, then saves changes with the version it was given', async () => {
    const { wrapper, router, sent } = await mountPage();
    await wrapper.find('input#item-title').setValue('潍城区开展冬季安全生产检查');
    await button(wrapper, '保存为草稿').trigger('click');
    await flushPromises();
    expect(sent.filter((request) => request.path === '/drafts')).toHaveLength(1);
    expect(router.currentRoute.value.query.draftId).toBe(saved.draftId);
    expect(wrapper.find('[data-test="draft-note"]').text()).toContain('草稿已保存');

    await wrapper.find('textarea#item-body').setValue('正文写了一半');
    await button(wrapper, '保存为草稿').trigger('click');
    await flushPromises();
    const put = sent.find((request) => request.method === 'PUT');
    expect(put?.body).toMatchObject({
      title: '潍城区开展冬季安全生产检查',
      body: '正文写了一半',
      version: 1,
    });
    expect(wrapper.find('[role="alert"]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('asks for a title before saving and stores nothing', async () => {
    const { wrapper, sent } = await mountPage();
    await button(wrapper, '保存为草稿').trigger('click');
    await flushPromises();
    expect(wrapper.find('[role="alert"]').text()).toContain('请先填写标题');
    expect(sent.some((request) => request.path === '/drafts')).toBe(false);
    wrapper.unmount();
  });

  it('opens a draft from 草稿箱 with every field as saved', async () => {
    const { wrapper } = await mountPage(`/write?draftId=${saved.draftId}`);
    expect(value(wrapper, 'input#item-title')).toBe(saved.title);
    expect(value(wrapper, 'textarea#item-body')).toBe(saved.body);
    expect(value(wrapper, 'input#item-approver')).toBe('张明');
    expect(wrapper.find('[data-test="draft-note"]').text()).toContain('正在编辑草稿');
    wrapper.unmount();
  });

  it('explains a draft saved elsewhere (409) and offers to load the newest one', async () => {
    const { wrapper, sent } = await mountPage(`/write?draftId=${saved.draftId}`, { conflict: true });
    await wrapper.find('input#item-title').setValue('本机改过的标题');
    await button(wrapper, '保存为草稿').trigger('click');
    await flushPromises();
    const alert = wrapper.find('[role="alert"]');
    expect(alert.text()).toContain('草稿已被修改');
    expect(alert.text()).toContain('已在别处');
    await button(wrapper, '载入最新草稿').trigger('click');
    await flushPromises();
    expect(value(wrapper, 'input#item-title')).toBe(saved.title);
    expect(
      sent.filter((request) => request.method === 'GET' && request.path === `/drafts/${saved.draftId}`),
    ).toHaveLength(2);
    wrapper.unmount();
  });

  it('submits an unchanged draft through the draft, not as a new item', async () => {
    const { wrapper, router, sent } = await mountPage(`/write?draftId=${saved.draftId}`);
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(sent.map((request) => `${request.method} ${request.path}`)).not.toContain('POST /items');
    expect(sent.some((request) => request.method === 'PUT')).toBe(false);
    expect(sent.filter((request) => request.path.endsWith('/submit'))).toHaveLength(1);
    await expect.poll(() => router.currentRoute.value.fullPath).toBe('/my-items/it_fromdraft?submitted=1');
    wrapper.unmount();
  });

  it('saves changes made since opening before submitting the draft', async () => {
    const { wrapper, sent } = await mountPage(`/write?draftId=${saved.draftId}`);
    await wrapper.find('input#item-title').setValue('潍城区冬季安全生产检查整改隐患52处');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    const order = sent
      .filter((request) => request.method !== 'GET')
      .map((request) => `${request.method} ${request.path}`);
    expect(order.filter((entry) => !entry.includes('precheck'))).toEqual([
      `PUT /drafts/${saved.draftId}`,
      `POST /drafts/${saved.draftId}/submit`,
    ]);
    wrapper.unmount();
  });
});
