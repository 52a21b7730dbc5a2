import type { components } from '../../api/schema.generated';
import { emptyForm, type ItemForm } from './precheck';

export type Draft = components['schemas']['Draft'];
export type DraftFields = components['schemas']['DraftCreate'];

/**
 * What 保存为草稿 sends: the form as typed, blank fields left out (a draft may be half written;
 * the API checks the rest when it is submitted).
 */
export function draftFields(form: ItemForm, commissionId?: string): DraftFields {
  const text = (value: string) => value.trim();
  const author = {
    ...(text(form.authorName) ? { name: text(form.authorName) } : {}),
    ...(text(form.authorPhone) ? { phone: text(form.authorPhone) } : {}),
  };
  return {
    title: text(form.title),
    ...(text(form.body) ? { body: text(form.body) } : {}),
    ...(form.eventDate ? { eventDate: form.eventDate } : {}),
    urgency: form.urgency,
    openness: form.openness,
    secrecy: 'non-secret',
    ...(text(form.approver) ? { approver: text(form.approver) } : {}),
    ...(Object.keys(author).length > 0 ? { author } : {}),
    ...(commissionId ? { commissionId } : {}),
  };
}

/** A saved draft back in the form; what it left blank stays blank (the sign-off from the profile). */
export function formFromDraft(draft: Draft, profile: { name?: string; phone?: string } = {}): ItemForm {
  const blank = emptyForm(profile);
  return {
    title: draft.title,
    body: draft.body ?? '',
    eventDate: draft.eventDate ?? '',
    urgency: draft.urgency ?? blank.urgency,
    openness: draft.openness ?? blank.openness,
    approver: draft.approver ?? '',
    authorName: draft.author?.name ?? blank.authorName,
    authorPhone: draft.author?.phone ?? blank.authorPhone,
  };
}

/** The same fields as saved? Then 报送 need not save again before submitting (a retry stays a retry). */
export function sameFields(a: DraftFields, b: DraftFields | undefined): boolean {
  return b !== undefined && JSON.stringify(a) === JSON.stringify(b);
}

/** 409 from PUT /drafts/{id}: said plainly, with what the person can do about it. */
export const draftConflictAdvice =
  '这份草稿已在别处（另一台电脑或另一个窗口）保存过新的内容。您可以点“载入最新草稿”查看最新内容（本页未保存的修改会丢失），或先复制本页内容再载入。';
