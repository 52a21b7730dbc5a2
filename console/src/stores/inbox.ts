import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { ApiClient } from '../api/client';

/**
 * The person's unread 站内消息 count, shown in the header and brought up to date by the 消息 page
 * when it marks messages read. `GET /messages/unread-count` is one cheap query.
 */
export const useInbox = defineStore('inbox', () => {
  const unread = ref<number>();

  async function refresh(api: ApiClient): Promise<void> {
    const { data } = await api.GET('/messages/unread-count');
    // A failed count keeps the last one shown; the next poll tries again.
    if (data) unread.value = data.unread;
  }

  return { unread, refresh };
});

/**
 * Runs `task` every `intervalMs` while the tab is visible, and at once when it becomes visible
 * again; returns the function that stops it.
 */
export function everyWhileVisible(
  task: () => void,
  intervalMs: number,
  doc: Document = document,
): () => void {
  const timer = setInterval(() => {
    if (doc.visibilityState === 'visible') task();
  }, intervalMs);
  const onVisibility = () => {
    if (doc.visibilityState === 'visible') task();
  };
  doc.addEventListener('visibilitychange', onVisibility);
  return () => {
    clearInterval(timer);
    doc.removeEventListener('visibilitychange', onVisibility);
  };
}
