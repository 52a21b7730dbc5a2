import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import DiffView from './DiffView.vue';

const parts = [
  { op: 'same' as const, text: '潍城区' },
  { op: 'removed' as const, text: '近日' },
  { op: 'added' as const, text: '11月20日' },
  { op: 'same' as const, text: '开展安全生产大检查。\n排查隐患47处。' },
];

describe('the diff view', () => {
  it('shows the unit’s text with deletions struck and the edited text with additions marked, side by side', () => {
    const wrapper = mount(DiffView, { props: { parts } });
    const before = wrapper.find('[data-test="before"]');
    const after = wrapper.find('[data-test="after"]');
    expect(before.find('h3').text()).toBe('原稿');
    expect(before.find('del').text()).toBe('删除：近日');
    expect(before.text()).not.toContain('11月20日');
    expect(after.find('h3').text()).toBe('修改稿');
    expect(after.find('ins').text()).toBe('增加：11月20日');
    expect(after.text()).not.toContain('近日');
    expect(after.text()).toContain('排查隐患47处。');
  });

  it('takes the column headings a page gives it', () => {
    const wrapper = mount(DiffView, { props: { parts, beforeLabel: '单位报送稿', afterLabel: '采用稿' } });
    expect(wrapper.findAll('h3').map((heading) => heading.text())).toEqual(['单位报送稿', '采用稿']);
  });

  it('marks both changes in one text when inline', () => {
    const wrapper = mount(DiffView, { props: { parts, layout: 'inline' } });
    const text = wrapper.find('[data-test="inline"]');
    expect(text.find('del').text()).toContain('近日');
    expect(text.find('ins').text()).toContain('11月20日');
    expect(wrapper.find('[data-test="before"]').exists()).toBe(false);
  });

  it('says so when nothing changed', () => {
    const wrapper = mount(DiffView, { props: { parts: [{ op: 'same', text: '原文' }] } });
    expect(wrapper.text()).toContain('两稿相同');
    expect(wrapper.find('del').exists()).toBe(false);
    expect(wrapper.find('ins').exists()).toBe(false);
  });
});
