import { describe, expect, it } from 'vitest';
import type { Item } from '../queue/decisions';
import { mergeRequest } from './merge';

const item = (itemId: string, unitId: string) => ({ itemId, unitId }) as Item;
const form = { title: '全市开展安全生产大检查', body: '正文', comment: '' };

describe('the merge request', () => {
  it('puts the lead item first, so its unit heads the 综合信息 and the others are co-credited', () => {
    const request = mergeRequest([item('it_1', 'a'), item('it_2', 'b'), item('it_3', 'c')], 'it_2', form);
    expect(request).toEqual({
      body: { itemIds: ['it_2', 'it_1', 'it_3'], title: '全市开展安全生产大检查', body: '正文' },
    });
  });

  it('needs two items and a title and body before asking the API', () => {
    expect(mergeRequest([item('it_1', 'a')], 'it_1', form)).toEqual({ problem: '至少选择两篇稿件才能合并' });
    expect(mergeRequest([item('it_1', 'a'), item('it_2', 'b')], 'it_1', { ...form, title: ' ' })).toEqual({
      problem: '请填写综合信息的标题和正文',
    });
  });

  it('sends the comment only when there is one', () => {
    const request = mergeRequest([item('it_1', 'a'), item('it_2', 'b')], undefined, {
      ...form,
      comment: ' 同题合并 ',
    });
    expect(request).toMatchObject({ body: { itemIds: ['it_1', 'it_2'], comment: '同题合并' } });
  });
});
