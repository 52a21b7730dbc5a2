import type { components } from '../../api/schema.generated';

export type DuplicateRef = components['schemas']['DuplicateRef'];
type DuplicateHint = components['schemas']['DuplicateHint'];

/** The near-duplicates that name an item (staff see them all; a reporter sees notes only). */
export function duplicateRefs(hints: readonly DuplicateHint[]): DuplicateRef[] {
  return hints.filter((hint): hint is DuplicateRef => 'itemId' in hint);
}

const actions: Record<string, string> = {
  submit: '报送',
  revise: '修改后重报',
  decide: '处理',
  edit: '编辑修改',
  merge: '合并',
  attach: '添加附件',
  'attach-confirm': '附件上传完成',
  adopt: '采用',
  forward: '上报',
  'upper-adopt': '上级采用',
  instruction: '批示',
  'instruction-feedback': '落实反馈',
};

/** The history's action words in Chinese; an action this console does not know yet shows as is. */
export function actionLabel(action: string): string {
  return actions[action] ?? action;
}
