import type { components } from '../../api/schema.generated';
import type { ItemStatus } from '../../labels';
import type { Decision, Item } from './decisions';

export type ItemSummary = components['schemas']['ItemSummary'];

/** A row of the list from an item the API just answered with (after a decision or a reload). */
export function summaryOf(item: Item): ItemSummary {
  return {
    itemId: item.itemId,
    unitId: item.unitId,
    status: item.status,
    title: item.title,
    eventDate: item.eventDate,
    urgency: item.urgency,
    openness: item.openness,
    submittedAt: item.submittedAt,
    version: item.version,
    warnings: item.findings.length,
  };
}

const open: readonly ItemStatus[] = ['submitted', 'candidate', 'reserved'];
const reached: Record<Decision, ItemStatus> = {
  candidate: 'candidate',
  reserve: 'reserved',
  return: 'returned',
  reject: 'rejected',
};

/**
 * The decision buttons worth offering on an item in this state (the API refuses the others in
 * Chinese anyway): only open items, and not the state it is already in.
 */
export function offeredDecisions(status: ItemStatus): Decision[] {
  if (!open.includes(status)) return [];
  return (Object.keys(reached) as Decision[]).filter((decision) => reached[decision] !== status);
}

/** Items that can go into a 综合信息. */
export function mergeable(status: ItemStatus): boolean {
  return open.includes(status);
}
