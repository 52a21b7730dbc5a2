import { newId } from '#shared/domain/ids';
import { periodsOf, yearOf } from '#shared/domain/periods';
import type { Principal } from '#shared/domain/roles';
import { defaultPolicy } from '#shared/domain/scoring/defaults';
import { ledgerFor } from '#shared/domain/scoring/index';
import { ConflictError, UnprocessableError } from '#shared/errors';
import { logger } from '#shared/http/logger';
import type { Bulletin } from '#shared/schemas/bulletins';
import type { Item } from '#shared/schemas/items';
import type { ScoringPolicy } from '#shared/schemas/policy';
import type { SeriesCounter } from '#shared/store/dynamo/bulletins';
import type { CounterChange } from '#shared/store/dynamo/ledger';
import type { OutboxEntry } from '#shared/store/ports';
import type { BulletinsDeps } from '../deps';
import { activeSeries, candidateItems, existingBulletin, requireDraft } from '../rules';

/** Concurrent publishes in one series retry on the moved counter; each retry re-reads it. */
const maxAttempts = 25;
const pause = () => new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 40));

function nextNumber(counter: SeriesCounter | undefined, year: number): SeriesCounter {
  const number = counter && counter.lastYear === year ? counter.lastNumber + 1 : 1;
  return { lastYear: year, lastNumber: number, total: (counter?.total ?? 0) + 1 };
}

async function renderFiles(deps: BulletinsDeps, bulletin: Bulletin) {
  const stem = `bulletins/${bulletin.year}/${bulletin.seriesId}/${bulletin.number}-${bulletin.bulletinId}`;
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

/** What the adoptions earn: ledger lines under the year's policy, and the counters they move. */
function scoreAdoptions(
  items: Item[],
  label: string,
  seriesId: string,
  at: Date,
  policy: ScoringPolicy,
  unitClasses: Map<string, string>,
) {
  const when = at.toISOString();
  const ledger = items.flatMap((item) =>
    ledgerFor(
      {
        kind: 'adopted',
        itemId: item.itemId,
        bulletinLabel: label,
        seriesId,
        units: [item.unitId, ...item.coUnits].map((unitId) => ({ unitId })),
        at: when,
      },
      policy,
    ).map((line) => ({ ...line, at: when })),
  );
  const counters: CounterChange[] = [];
  for (const item of items) {
    for (const unitId of [item.unitId, ...item.coUnits]) {
      const points = ledger
        .filter((line) => line.unitId === unitId && line.refId === item.itemId)
        .reduce((sum, line) => sum + line.points, 0);
      for (const period of periodsOf(at)) {
        counters.push({
          unitId,
          unitClass: unitClasses.get(unitId) ?? 'unknown',
          period,
          add: { adopted: 1, points },
        });
      }
    }
  }
  return { ledger, counters };
}

/**
 * Publishes a draft: the next number of the series for the year and the running total, the
 * Word file and the HTML record (rendered with those numbers and stored with their SHA-256),
 * the items adopted with their counters, the leaders' mail — then the archive pages.
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
    const series = await activeSeries(deps, current.seriesId);
    const items = await candidateItems(
      deps,
      series,
      current.items.map((entry) => entry.itemId),
    );
    const now = deps.now();
    const at = now.toISOString();
    const year = Number(yearOf(now));
    const read = await deps.bulletins.counter(current.seriesId);
    const next = nextNumber(read, year);
    const numbered: Bulletin = {
      ...current,
      year,
      number: next.lastNumber,
      total: next.total,
      status: 'published',
      signer,
      publishedAt: at,
      publishedBy: editor.tokenId,
      updatedAt: at,
      version: current.version + 1,
    };
    const files = await renderFiles(deps, numbered);
    const published: Bulletin = { ...numbered, ...files };
    const adoptedItems = items.map((item): { item: Item; expectedVersion: number } => ({
      item: { ...item, status: 'adopted', updatedAt: at, version: item.version + 1 },
      expectedVersion: item.version,
    }));
    const unitClasses = new Map((await deps.units.list()).map((unit) => [unit.id, unit.class]));
    const label = `《${series.name}》${year}年第${next.lastNumber}期`;
    const policy = (await deps.policies.latest(year)) ?? defaultPolicy(year);
    const outbox: OutboxEntry = {
      messageId: newId('ml', now),
      kind: 'bulletin-published',
      refId: bulletinId,
      createdAt: at,
      status: 'pending',
      attempts: 0,
      sentTo: [],
    };
    try {
      await deps.bulletins.publish({
        bulletin: published,
        expectedVersion: current.version,
        counter: { read, next },
        items: adoptedItems,
        events: items.map((item) => ({
          itemId: item.itemId,
          event: {
            at,
            by: editor.tokenId,
            role: editor.role,
            action: 'adopt',
            from: 'candidate',
            to: 'adopted',
            comment: label,
          },
        })),
        ...scoreAdoptions(items, label, series.seriesId, now, policy, unitClasses),
        outbox,
      });
    } catch (error) {
      if (error instanceof ConflictError && error.code === 'COUNTER_MOVED' && attempt < maxAttempts) {
        await pause();
        continue;
      }
      throw error;
    }
    await afterPublish(deps, published, outbox.messageId);
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
