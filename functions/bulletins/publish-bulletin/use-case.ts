import { randomUUID } from 'node:crypto';
import { actorOf, personOf } from '#shared/domain/actor';
import { newId } from '#shared/domain/ids';
import { itemAdoptedMessages } from '#shared/domain/messages';
import { yearOf } from '#shared/domain/periods';
import { creditedPeople } from '#shared/domain/person-ranking';
import type { Principal } from '#shared/domain/roles';
import { defaultPolicy } from '#shared/domain/scoring/defaults';
import { issueLabel } from '#shared/domain/series';
import { ConflictError, UnprocessableError } from '#shared/errors';
import { logger } from '#shared/http/logger';
import type { Bulletin } from '#shared/schemas/bulletins';
import type { Item } from '#shared/schemas/items';
import type { Unit } from '#shared/schemas/units';
import { deliverMessages } from '#shared/store/deliver-messages';
import type { SeriesCounter } from '#shared/store/dynamo/bulletins';
import { personChangesAt } from '#shared/store/dynamo/person-counters';
import type { OutboxEntry } from '#shared/store/ports';
import type { StoredFile } from '#shared/store/s3/bulletin-files';
import { scoreAdoptions } from '../adoption-points';
import type { BulletinsDeps } from '../deps';
import {
  activeSeries,
  bulletinItems,
  candidateItems,
  existingBulletin,
  requireDraft,
  requireUnchanged,
} from '../rules';
import { refuseSecrecyMarkers } from './last-gate';

/** Concurrent publishes in one series retry on the moved counter; each retry re-reads it. */
const maxAttempts = 25;
const pause = () => new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 40));

function nextNumber(counter: SeriesCounter | undefined, year: number): SeriesCounter {
  const number = counter && counter.lastYear === year ? counter.lastNumber + 1 : 1;
  return { lastYear: year, lastNumber: number, total: (counter?.total ?? 0) + 1 };
}

/**
 * The Word file and HTML record of one attempt. The key names the attempt, so a publish that
 * loses its race (to another issue of the series, or to a second click on the same draft) never
 * overwrites the winner's files, and can remove exactly its own.
 */
async function renderFiles(deps: BulletinsDeps, bulletin: Bulletin) {
  const attempt = randomUUID().slice(0, 8);
  const stem = `bulletins/${bulletin.year}/${bulletin.seriesId}/${bulletin.number}-${bulletin.bulletinId}-${attempt}`;
  const docx = await deps.renderDocx(bulletin, { officeName: deps.officeName, includeInternal: true });
  const html = Buffer.from(deps.renderRecord(bulletin, deps.officeName), 'utf8');
  const [docxFile, htmlFile] = await Promise.all([
    deps.files.put(
      `${stem}.docx`,
      docx,
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ),
    deps.files.put(`${stem}.html`, html, 'text/html; charset=utf-8'),
  ]);
  return { docx: docxFile, html: htmlFile };
}

/** A lost attempt's files go; a failure here only leaves an unreferenced copy, so it is logged. */
async function discardFiles(deps: BulletinsDeps, files: { docx: StoredFile; html: StoredFile }) {
  await Promise.all(
    [files.docx.key, files.html.key].map((key) =>
      deps.files.delete(key).catch((error: unknown) => {
        logger.warn('could not remove the files of a lost publish attempt', {
          key,
          error: error instanceof Error ? error.name : 'unknown',
        });
      }),
    ),
  );
}

/**
 * The draft as it will print, built from the items as they are now: each item must still be the
 * version the draft recorded and a 拟采用 candidate (internal items refused in a public-only
 * series), its openness and adopted text taken from the item, never from the draft's copy.
 */
async function issueFromItems(deps: BulletinsDeps, draft: Bulletin, signer: string, units: readonly Unit[]) {
  const series = await activeSeries(deps, draft.seriesId);
  const items = await candidateItems(
    deps,
    series,
    draft.items.map((entry) => entry.itemId),
  );
  draft.items.forEach((entry, index) => {
    const item = items[index];
    if (item) requireUnchanged(entry, item);
  });
  const entries = bulletinItems(units, items);
  refuseSecrecyMarkers({ items: entries, signer, distribution: draft.distribution });
  return { series, items, entries };
}

/**
 * Publishes a draft: the next number of the series for the year and the running total, the
 * Word file and the HTML record (rendered with those numbers and stored with their SHA-256),
 * the items adopted with their counters, the leaders' mail — then the archive pages. Nothing is
 * written when the draft is stale or its final text carries a secrecy marker.
 */
export async function publishBulletin(
  deps: BulletinsDeps,
  editor: Principal,
  bulletinId: string,
  input: { version: number; signer?: string },
): Promise<Bulletin> {
  for (let attempt = 1; ; attempt += 1) {
    const current = await existingBulletin(deps, bulletinId);
    requireDraft(current, input.version);
    const signer = input.signer ?? current.signer;
    if (!signer) throw new UnprocessableError('SIGNER_REQUIRED', '发布前须填写签发人');
    if (current.items.length === 0)
      throw new UnprocessableError('EMPTY_BULLETIN', '这一期还没有稿件，不能发布');
    const units = await deps.units.list();
    const { series, items, entries } = await issueFromItems(deps, current, signer, units);
    const now = deps.now();
    const at = now.toISOString();
    const year = Number(yearOf(now));
    const unitClasses = new Map(units.map((unit) => [unit.id, unit.class]));
    const policy = (await deps.policies.latest(year)) ?? defaultPolicy(year);
    const read = await deps.bulletins.counter(current.seriesId);
    const next = nextNumber(read, year);
    const numbered: Bulletin = {
      ...current,
      items: entries,
      year,
      number: next.lastNumber,
      total: next.total,
      status: 'published',
      signer,
      publishedAt: at,
      publishedBy: editor.tokenId,
      ...publisherOf(editor),
      updatedAt: at,
      version: current.version + 1,
    };
    const label = issueLabel({ seriesName: series.name, year, number: next.lastNumber });
    const outbox: OutboxEntry = {
      messageId: newId('ml', now),
      kind: 'bulletin-published',
      refId: bulletinId,
      createdAt: at,
      status: 'pending',
      attempts: 0,
      sentTo: [],
    };
    const files = await renderFiles(deps, numbered);
    const published: Bulletin = { ...numbered, ...files };
    try {
      await deps.bulletins.publish({
        bulletin: published,
        expectedVersion: current.version,
        counter: { read, next },
        items: items.map((item): { item: Item; expectedVersion: number } => ({
          item: { ...item, status: 'adopted', updatedAt: at, version: item.version + 1 },
          expectedVersion: item.version,
        })),
        events: items.map((item) => ({
          itemId: item.itemId,
          event: {
            at,
            ...actorOf(editor),
            role: editor.role,
            action: 'adopt',
            from: 'candidate',
            to: 'adopted',
            comment: label,
          },
        })),
        ...scoreAdoptions(items, label, series.seriesId, now, policy, unitClasses),
        // The persons each item credits (a 综合信息: each source's), as its units are credited.
        personCounters: items.flatMap((item) => personChangesAt(creditedPeople(item), now, { adopted: 1 })),
        outbox,
      });
    } catch (error) {
      // Only a refused transaction surely wrote nothing; after any other failure it may have
      // committed, and the files it names must stay.
      if (error instanceof ConflictError || error instanceof UnprocessableError)
        await discardFiles(deps, files);
      if (error instanceof ConflictError && error.code === 'COUNTER_MOVED' && attempt < maxAttempts) {
        await pause();
        continue;
      }
      throw error;
    }
    await afterPublish(deps, published, outbox.messageId);
    // 站内消息 (已采用, with the issue) for each credited unit's people, after the commit.
    await deliverMessages(
      deps.messages,
      items.flatMap((item) => itemAdoptedMessages(item, { bulletinId, label }, at)),
    );
    return published;
  }
}

/** The archive and the mail follow the committed publication; neither may undo it. */
async function afterPublish(deps: BulletinsDeps, bulletin: Bulletin, messageId: string): Promise<void> {
  await deps.archive.bulletinChanged(bulletin).catch((error: unknown) => {
    logger.error('archive update failed; run `archive rebuild`', {
      bulletinId: bulletin.bulletinId,
      error: error instanceof Error ? error.message : 'unknown',
    });
  });
  await deps.mail.dispatch([messageId]).catch((error: unknown) => {
    logger.warn('bulletin mail dispatch failed; the outbox sweep will retry', {
      messageId,
      error: error instanceof Error ? error.name : 'unknown',
    });
  });
}

/** The person who published, beside `publishedBy` (the credential). */
function publisherOf(editor: Pick<Principal, 'personId' | 'personName'>) {
  const { byPerson } = personOf(editor);
  return byPerson ? { publishedByPerson: byPerson } : {};
}
