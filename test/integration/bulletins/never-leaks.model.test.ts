/**
 * A model-based property test over the REAL use cases and stores (DynamoDB emulator, the archive
 * publisher over in-memory objects): random interleavings of submit, revise (flipping openness
 * through return + revise), decide, edit, an edit holding a secrecy marker written straight into
 * the store (as an older version could have stored it), draft create and update, publish and
 * withdraw. After every command, every text token found in any archive object (pages, search
 * files) belongs to a public item's current adopted text in a published issue of an archived
 * series, and no secrecy marker appears anywhere in the archive.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { describe, expect, inject, it } from 'vitest';
import { createBulletin } from '../../../functions/bulletins/create-bulletin/use-case';
import { publishBulletin } from '../../../functions/bulletins/publish-bulletin/use-case';
import { adoptedText } from '../../../functions/bulletins/rules';
import { updateBulletin } from '../../../functions/bulletins/update-bulletin/use-case';
import { withdrawBulletin } from '../../../functions/bulletins/withdraw-bulletin/use-case';
import { reviseItem } from '../../../functions/items/revise-item/use-case';
import { decideItem } from '../../../functions/review/decide-item/use-case';
import { editItem } from '../../../functions/review/edit-item/use-case';
import { AppError } from '../../../shared/errors';
import type { Item } from '../../../shared/schemas/items';
import { storedItem } from '../../../shared/store/dynamo/items';
import { editor, newWorld, reporter, submission, unitIds, type World } from './world';

interface Model {
  items: string[];
  drafts: string[];
  published: string[];
}

type Command = fc.AsyncCommand<Model, World>;

const markers = ['机密★一年', '绝密★启用前', '【机密】内部资料 注意保密'] as const;
const archivedSeries = new Set(['zwxx', 'zk']);

/** Refusals a command may meet in a random interleaving; anything else fails the property. */
const expectedRefusals = new Set([
  'VERSION_CONFLICT',
  'INVALID_TRANSITION',
  'NOT_EDITABLE',
  'NOT_RETURNED',
  'ITEM_NOT_CANDIDATE',
  'ITEM_ALREADY_ADOPTED',
  'INTERNAL_IN_PUBLIC_SERIES',
  'DRAFT_STALE',
  'SECRECY_REFUSED',
  'ALREADY_PUBLISHED',
  'BULLETIN_WITHDRAWN',
  'NOT_PUBLISHED',
  'DUPLICATE_ITEM',
]);

/** How often each outcome happened over the whole run, so the test can show it reached them. */
const seen = new Map<string, number>();
const note = (outcome: string) => seen.set(outcome, (seen.get(outcome) ?? 0) + 1);

let tokens = 0;
/** A text carrying a fresh token, so any leak is traced back to the text it came from. */
function freshText(subject: string) {
  const token = `tk${String(++tokens).padStart(5, '0')}q`;
  const { title, body } = submission(`${subject}${token}`);
  return { title, body };
}

async function attempt(outcome: string, action: () => Promise<unknown>): Promise<void> {
  try {
    await action();
    note(outcome);
  } catch (error) {
    if (!(error instanceof AppError) || !expectedRefusals.has(error.code)) throw error;
    note(error.code);
  }
}

const pick = <T>(list: readonly T[], index: number): T | undefined => list[index % Math.max(1, list.length)];

async function current(world: World, itemId: string): Promise<Item> {
  const item = await world.items.items.get(itemId);
  if (!item) throw new Error(`item ${itemId} vanished`);
  return item;
}

/** The invariant, read from the real stores after every command. */
async function expectNoLeak(world: World): Promise<void> {
  const everything = [...world.objects.objects.values()].map((object) => object.body).join('\n');
  for (const marker of markers) expect(everything).not.toContain(marker.slice(0, 3));
  const shown = new Set(everything.match(/tk\d{5}q/g) ?? []);
  if (shown.size === 0) return;
  const visible = (await world.policy.publishedIssues(2026)).filter((issue) =>
    archivedSeries.has(issue.seriesId),
  );
  for (const token of shown) {
    const entry = visible
      .flatMap((issue) => issue.items)
      .find((candidate) => candidate.title.includes(token) || candidate.body.includes(token));
    expect(entry, `${token} is on the site but in no published public entry`).toBeDefined();
    if (!entry) continue;
    const item = await current(world, entry.itemId);
    expect(item.openness, `${token} belongs to an internal item`).toBe('public');
    expect(item.status).toBe('adopted');
    const text = adoptedText(item);
    expect(`${text.title}\n${text.body}`, `${token} is not the item's adopted text`).toContain(token);
  }
}

function command(
  name: string,
  check: (m: Readonly<Model>) => boolean,
  run: (m: Model, w: World) => Promise<void>,
) {
  const built: Command = {
    check,
    run: async (m, w) => {
      await run(m, w);
      await expectNoLeak(w);
    },
    toString: () => name,
  };
  return built;
}

const openness = fc.constantFrom('public' as const, 'internal' as const);
const anyItems = (m: Readonly<Model>) => m.items.length > 0;

const commandKinds = [
  fc.tuple(fc.constantFrom(...unitIds), openness).map(([unitId, open]) =>
    command(
      `submit(${unitId},${open})`,
      () => true,
      async (m, w) => {
        const item = await w.submit(unitId, { ...submission('稿件'), ...freshText('稿件'), openness: open });
        m.items.push(item.itemId);
        note('submitted');
      },
    ),
  ),
  fc
    .tuple(fc.nat(), fc.constantFrom('candidate' as const, 'candidate' as const, 'reserve' as const))
    .map(([index, decision]) =>
      command(`decide(${index},${decision})`, anyItems, async (m, w) => {
        const itemId = pick(m.items, index) ?? '';
        const item = await current(w, itemId);
        await attempt(`decided:${decision}`, () =>
          decideItem(w.review, editor, itemId, { decision, version: item.version }),
        );
      }),
    ),
  fc.tuple(fc.nat(), openness).map(([index, open]) =>
    command(`returnAndRevise(${index},${open})`, anyItems, async (m, w) => {
      const itemId = pick(m.items, index) ?? '';
      const item = await current(w, itemId);
      await attempt('returned', () =>
        decideItem(w.review, editor, itemId, {
          decision: 'return',
          version: item.version,
          comment: '请补充成效',
        }),
      );
      const returned = await current(w, itemId);
      await attempt(`revised:${open}`, () =>
        reviseItem(w.items, reporter(returned.unitId), itemId, {
          ...submission('重报'),
          ...freshText('重报'),
          openness: open,
          version: returned.version,
        }),
      );
    }),
  ),
  fc.nat().map((index) =>
    command(`edit(${index})`, anyItems, async (m, w) => {
      const itemId = pick(m.items, index) ?? '';
      const item = await current(w, itemId);
      await attempt('edited', () =>
        editItem(w.review, editor, itemId, { ...freshText('改稿'), version: item.version }),
      );
    }),
  ),
  fc.tuple(fc.nat(), fc.constantFrom(...markers), fc.boolean()).map(([index, marker, inTitle]) =>
    command(`legacyMarkedEdit(${index},${marker})`, anyItems, async (m, w) => {
      const itemId = pick(m.items, index) ?? '';
      const item = await current(w, itemId);
      if (!['submitted', 'candidate', 'reserved'].includes(item.status)) return;
      const text = freshText('旧版改稿');
      const edited = inTitle
        ? { ...text, title: `${marker} ${text.title}` }
        : { ...text, body: `${text.body}\n${marker}` };
      const stored: Item = {
        ...item,
        edited: { ...edited, at: item.updatedAt, by: editor.tokenId },
        version: item.version + 1,
      };
      await w.table.client.send(new PutCommand({ TableName: w.table.tableName, Item: storedItem(stored) }));
      note('legacy-marked');
    }),
  ),
  fc
    .tuple(fc.constantFrom('zwxx', 'zk', 'zb'), fc.nat(), fc.integer({ min: 1, max: 3 }))
    .map(([seriesId, from, take]) =>
      command(`draft(${seriesId},${from},${take})`, anyItems, async (m, w) => {
        const statuses = await Promise.all(m.items.map(async (itemId) => (await current(w, itemId)).status));
        const candidates = m.items.filter((_, index) => statuses[index] === 'candidate');
        const chosen = [
          ...new Set(Array.from({ length: take }, (_, n) => pick(candidates, from + n))),
        ].filter((itemId): itemId is string => itemId !== undefined);
        if (chosen.length === 0) return;
        await attempt('drafted', async () => {
          const draft = await createBulletin(w.bulletins, editor, { seriesId, itemIds: chosen });
          m.drafts.push(draft.bulletinId);
        });
      }),
    ),
  fc.tuple(fc.nat(), fc.boolean(), fc.boolean()).map(([index, retext, distribution]) =>
    command(
      `updateDraft(${index},${retext ? 'edit' : 'refresh'},${distribution})`,
      (m) => m.drafts.length > 0,
      async (m, w) => {
        const bulletinId = pick(m.drafts, index) ?? '';
        const draft = await w.bulletins.bulletins.get(bulletinId);
        if (draft?.status !== 'draft') return;
        await attempt(retext ? 'draft-edited' : 'draft-refreshed', () =>
          updateBulletin(w.bulletins, editor, bulletinId, {
            version: draft.version,
            signer: '刘秘书长',
            items: draft.items.map((entry, at) =>
              at === 0 && retext
                ? { itemId: entry.itemId, ...freshText('期内改稿') }
                : { itemId: entry.itemId },
            ),
            ...(distribution
              ? { distribution: { report: ['省政府办公厅'], send: [], issue: ['各县市区人民政府'] } }
              : {}),
          }),
        );
      },
    ),
  ),
  fc.nat().map((index) =>
    command(
      `publish(${index})`,
      (m) => m.drafts.length > 0,
      async (m, w) => {
        const bulletinId = pick(m.drafts, index) ?? '';
        const draft = await w.bulletins.bulletins.get(bulletinId);
        if (draft?.status !== 'draft') return;
        await attempt('published', async () => {
          const issue = await publishBulletin(w.bulletins, editor, bulletinId, {
            version: draft.version,
            signer: '刘秘书长',
          });
          m.drafts = m.drafts.filter((id) => id !== bulletinId);
          m.published.push(bulletinId);
          if (issue.items.some((entry) => entry.openness === 'internal')) note('published-with-internal');
        });
      },
    ),
  ),
  fc.nat().map((index) =>
    command(
      `withdraw(${index})`,
      (m) => m.published.length > 0,
      async (m, w) => {
        const bulletinId = pick(m.published, index) ?? '';
        const issue = await w.bulletins.bulletins.get(bulletinId);
        if (issue?.status !== 'published') return;
        await attempt('withdrawn', () =>
          withdrawBulletin(w.bulletins, editor, bulletinId, {
            version: issue.version,
            reason: '内容需要更正',
          }),
        );
      },
    ),
  ),
];

/** Every run starts with candidates of both openness from both units, ready for a draft. */
async function prelude(world: World): Promise<Model> {
  const items: string[] = [];
  for (const [unitId, open] of [
    ['weicheng', 'public'],
    ['gaomi', 'public'],
    ['weicheng', 'internal'],
    ['gaomi', 'public'],
  ] as const) {
    const item = await world.submit(unitId, { ...submission('稿件'), ...freshText('稿件'), openness: open });
    await decideItem(world.review, editor, item.itemId, { decision: 'candidate', version: item.version });
    items.push(item.itemId);
  }
  return { items, drafts: [], published: [] };
}

/** Drafting and publishing twice as likely as the rest, so sequences reach the archive often. */
const [submitCmd, decideCmd, flipCmd, editCmd, markedCmd, draftCmd, updateCmd, publishCmd, withdrawCmd] =
  commandKinds;
const commands = [
  submitCmd,
  decideCmd,
  decideCmd,
  flipCmd,
  editCmd,
  markedCmd,
  draftCmd,
  draftCmd,
  updateCmd,
  publishCmd,
  publishCmd,
  withdrawCmd,
].filter((arbitrary): arbitrary is fc.Arbitrary<Command> => arbitrary !== undefined);

describe('no internal item and no secrecy marker ever reaches the archive', () => {
  it('holds for random interleavings of the real use cases', async () => {
    const endpoint = inject('dynamodbEndpoint');
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 40, size: 'max' }), async (cmds) => {
        const world = await newWorld(endpoint);
        await fc.asyncModelRun(async () => ({ model: await prelude(world), real: world }), cmds);
        world.table.client.destroy();
      }),
      // A fixed seed keeps the run (and its duration) the same each time; change it to explore.
      { numRuns: 30, seed: 20_261_205, endOnFailure: true },
    );
    // The interesting paths were reached: a stale draft, a marker refused, internal text published.
    for (const outcome of ['published', 'withdrawn', 'DRAFT_STALE', 'SECRECY_REFUSED', 'revised:internal']) {
      expect(seen.get(outcome) ?? 0, outcome).toBeGreaterThan(0);
    }
  }, 600_000);
});
