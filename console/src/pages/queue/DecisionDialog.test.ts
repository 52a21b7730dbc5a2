import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { apiKey } from '../../services';
import DecisionDialog from './DecisionDialog.vue';
import type { Decision } from './decisions';
import { type Answer, fakeApi } from './fake-api';

const target = { itemId: 'it_01', title: '潍城区开展安全生产大检查', version: 3 };

function mountDialog(decision: Decision, answer: Answer) {
  const { api, sent } = fakeApi(() => answer);
  const wrapper = mount(DecisionDialog, {
    props: { target, decision },
    global: { provide: { [apiKey as symbol]: api } },
    attachTo: document.body,
  });
  return { wrapper, sent };
}

const decided = { status: 200, body: { itemId: 'it_01', status: 'returned', version: 4 } };

describe('the decision dialog', () => {
  it('labels the comment and says it is required for 退回修改', async () => {
    const { wrapper } = mountDialog('return', decided);
    await flushPromises();
    expect(wrapper.find('label[for="decision-comment"]').text()).toContain('必填');
    expect(wrapper.find('textarea#decision-comment').exists()).toBe(true);
    wrapper.unmount();
  });

  it('refuses a 退回修改 without a comment and sends nothing', async () => {
    const { wrapper, sent } = mountDialog('return', decided);
    await flushPromises();
    await wrapper.find('textarea#decision-comment').setValue('   ');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[role="alert"]').text()).toContain('退回修改必须填写意见');
    expect(sent).toHaveLength(0);
    expect(wrapper.emitted('done')).toBeUndefined();
    wrapper.unmount();
  });

  it('sends a 退回修改 with the comment and the version the editor saw', async () => {
    const { wrapper, sent } = mountDialog('return', decided);
    await flushPromises();
    await wrapper.find('textarea#decision-comment').setValue('请补充具体日期和整改数字');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(sent).toEqual([
      {
        method: 'POST',
        path: '/items/it_01/decision',
        body: { decision: 'return', version: 3, comment: '请补充具体日期和整改数字' },
      },
    ]);
    expect(wrapper.emitted('done')?.[0]?.[0]).toMatchObject({ status: 'returned' });
    wrapper.unmount();
  });

  it('lets 退稿 go without a comment', async () => {
    const { wrapper, sent } = mountDialog('reject', decided);
    await flushPromises();
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(sent[0]?.body).toEqual({ decision: 'reject', version: 3 });
    wrapper.unmount();
  });

  it('hands a version conflict back in Chinese instead of swallowing it', async () => {
    const { wrapper } = mountDialog('return', {
      status: 409,
      body: { error: { code: 'VERSION_CONFLICT', message: '稿件已被他人处理或修改，请刷新后再操作' } },
    });
    await flushPromises();
    await wrapper.find('textarea#decision-comment').setValue('请补充');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(wrapper.emitted('conflict')?.[0]).toEqual(['it_01', '该稿件已被他人处理，已刷新为最新状态']);
    expect(wrapper.emitted('done')).toBeUndefined();
    wrapper.unmount();
  });

  it('shows any other refusal in the API’s words and stays open', async () => {
    const { wrapper } = mountDialog('reject', {
      status: 403,
      body: { error: { code: 'FORBIDDEN', message: '角色无权执行此操作' } },
    });
    await flushPromises();
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[role="alert"]').text()).toContain('角色无权执行此操作');
    wrapper.unmount();
  });
});
