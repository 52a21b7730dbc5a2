import type { components } from '../../api/schema.generated';

export type ItemSubmit = components['schemas']['ItemSubmit'];
export type PrecheckResult = components['schemas']['PrecheckResult'];

/** The form as typed; the API decides what is acceptable, the form only knows what is missing. */
export interface ItemForm {
  title: string;
  body: string;
  eventDate: string;
  urgency: ItemSubmit['urgency'];
  openness: ItemSubmit['openness'];
  approver: string;
  authorName: string;
  authorPhone: string;
}

export function emptyForm(author: { name?: string; phone?: string } = {}): ItemForm {
  return {
    title: '',
    body: '',
    eventDate: '',
    urgency: 'normal',
    openness: 'public',
    approver: '',
    authorName: author.name ?? '',
    authorPhone: author.phone ?? '',
  };
}

export function submission(form: ItemForm): ItemSubmit {
  const author = {
    ...(form.authorName.trim() ? { name: form.authorName.trim() } : {}),
    ...(form.authorPhone.trim() ? { phone: form.authorPhone.trim() } : {}),
  };
  return {
    title: form.title.trim(),
    body: form.body.trim(),
    eventDate: form.eventDate,
    urgency: form.urgency,
    openness: form.openness,
    secrecy: 'non-secret',
    approver: form.approver.trim(),
    ...(Object.keys(author).length > 0 ? { author } : {}),
  };
}

/** 预检 runs once there is something to check: a title, some text and the date it is about. */
export function readyForPrecheck(form: ItemForm): boolean {
  return form.title.trim().length > 0 && form.body.trim().length >= 20 && form.eventDate !== '';
}

/** Runs `task` once typing has paused for `waitMs`; a newer call cancels the pending one. */
export function debounce<A extends unknown[]>(task: (...args: A) => void, waitMs: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = (...args: A) => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => task(...args), waitMs);
  };
  run.cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
  };
  return run;
}
