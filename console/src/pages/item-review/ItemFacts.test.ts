import { flushPromises, mount } from '@vue/test-utils';
import createClient from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import type { paths } from '../../api/schema.generated';
import { apiKey } from '../../services';
import ItemFacts from './ItemFacts.vue';

const policy = {
  year: 2026,
  version: 0,
  upperPublications: [
    { id: 'province-zwxx', name: '省政府《政务信息》', points: 5, forwardedMultiplier: 1.5 },
  ],
};

const pendingInstruction = {
  itemId: 'it_01',
  instructionId: 'in_1',
  leader: '市长 王某',
  level: 'city',
  date: '2026-12-01',
  text: '请抓好落实',
  feedbackDue: '2026-12-15',
  units: ['weicheng'],
  recordedAt: '2026-12-01T02:00:00.000Z',
  recordedBy: 'person:p2',
  feedbackStatus: 'pending',
};

function factsApi(instructions: unknown[]) {
  const sent: { method: string; path: string; key: string | null; body: unknown }[] = [];
  const api = createClient<paths>({
    baseUrl: 'http://api.test',
    fetch: async (request: Request) => {
      const path = new URL(request.url).pathname;
      const text = request.method === 'GET' ? '' : await request.text();
      sent.push({
        method: request.method,
        path,
        key: request.headers.get('idempotency-key'),
        body: text ? JSON.parse(text) : undefined,
      });
      const json = (status: number, body: unknown) =>
        new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
      if (path === '/policy/2026' || path.startsWith('/policy/')) return json(200, policy);
      if (path === '/items/it_01/facts')
        return json(200, { itemId: 'it_01', upperAdoptions: [], instructions });
      if (path === '/items/it_01/instructions/in_1/feedback')
        return json(200, { ...pendingInstruction, feedbackStatus: 'on-time' });
      if (path === '/items/it_01/instructions')
        return json(201, { itemId: 'it_01', instructionId: 'in_1', leader: '市长 王某', level: 'city' });
      return json(404, { error: { code: 'NOT_FOUND', message: '不存在' } });
    },
  });
  return { api, sent };
}

describe('the facts of an adopted item', () => {
  it('lists the instructions with their feedback state', async () => {
    const { api } = factsApi([
      {
        itemId: 'it_01',
        instructionId: 'in_1',
        leader: '市长 王某',
        level: 'city',
        date: '2026-12-01',
        text: '请抓好落实',
        feedbackDue: '2026-12-15',
        units: ['weicheng'],
        recordedAt: '2026-12-01T02:00:00.000Z',
        recordedBy: 'person:p2',
        feedbackStatus: 'pending',
      },
    ]);
    const wrapper = mount(ItemFacts, {
      props: { itemId: 'it_01', canRecord: false },
      global: { provide: { [apiKey as symbol]: api } },
    });
    await flushPromises();
    const list = wrapper.find('[data-test="instructions"]').text();
    expect(list).toContain('2026年12月1日 市长 王某（市领导）：请抓好落实');
    expect(list).toContain('落实反馈截止 2026年12月15日 · 待反馈');
    expect(wrapper.find('form').exists()).toBe(false);
    wrapper.unmount();
  });

  it('records a 批示 with an Idempotency-Key, after checking the form', async () => {
    const { api, sent } = factsApi([]);
    const wrapper = mount(ItemFacts, {
      props: { itemId: 'it_01', canRecord: true },
      global: { provide: { [apiKey as symbol]: api } },
      attachTo: document.body,
    });
    await flushPromises();
    const form = wrapper.find('form[aria-label="记录批示"]');
    await form.trigger('submit');
    await flushPromises();
    expect(form.find('[role="alert"]').text()).toContain('请填写批示领导');
    expect(sent.filter((one) => one.method === 'POST')).toHaveLength(0);

    await wrapper.find('input#instruction-leader').setValue('市长 王某');
    await wrapper.find('textarea#instruction-text').setValue('请抓好落实');
    const vm = wrapper.vm as unknown as { $: { setupState: { instruction: { feedbackDue: string } } } };
    vm.$.setupState.instruction.feedbackDue = '2099-12-31';
    await form.trigger('submit');
    await flushPromises();
    const post = sent.find((one) => one.method === 'POST');
    expect(post?.path).toBe('/items/it_01/instructions');
    expect(post?.key).toMatch(/^[0-9a-f-]{36}$/);
    expect(post?.body).toMatchObject({
      leader: '市长 王某',
      level: 'city',
      text: '请抓好落实',
      feedbackDue: '2099-12-31',
    });
    expect(wrapper.text()).toContain('已记录市长 王某批示');
    wrapper.unmount();
  });

  it("records a 批示's 落实反馈 for the editor, and offers it only while feedback is awaited", async () => {
    const answered = { ...pendingInstruction, instructionId: 'in_2', feedbackStatus: 'on-time' };
    const { api, sent } = factsApi([pendingInstruction, answered]);
    const wrapper = mount(ItemFacts, {
      props: { itemId: 'it_01', canRecord: true },
      global: { provide: { [apiKey as symbol]: api } },
    });
    await flushPromises();
    const forms = wrapper.findAll('form[aria-label$="批示的落实反馈"]');
    expect(forms).toHaveLength(1);
    expect(wrapper.find('label[for="feedback-in_1"]').text()).toBe('落实反馈日期');
    await forms[0]?.trigger('submit');
    await flushPromises();
    const posted = sent.find((call) => call.path === '/items/it_01/instructions/in_1/feedback');
    expect(posted?.method).toBe('POST');
    expect(posted?.body).toEqual({ date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(wrapper.text()).toContain('已记录市长 王某批示的落实反馈（按时反馈）');
    wrapper.unmount();
  });
});
