import { logger } from '../http/logger';
import type { MessageDraft, MessageWriter } from './ports';

/**
 * Delivers messages after the change they report has committed: a failure is logged and never
 * undoes or fails that change (the message ids are deterministic, so delivering again is safe).
 * A few units at a time: a 约稿 to every unit reaches about 96 units' people.
 */
export async function deliverMessages(
  writer: MessageWriter | undefined,
  messages: readonly MessageDraft[],
): Promise<number> {
  if (!writer) return 0;
  let stored = 0;
  const queue = [...messages];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const message = next;
      const count = await writer.deliverToUnit(message).catch((error: unknown) => {
        logger.warn('message delivery failed', {
          key: message.key,
          unitId: message.unitId,
          error: error instanceof Error ? error.name : 'unknown',
        });
        return 0;
      });
      stored += count;
    }
  };
  await Promise.all(Array.from({ length: Math.min(8, queue.length) }, worker));
  return stored;
}
