/** In-memory store and bulletin factory for archive tests. */
import type { Bulletin, BulletinItem } from '#shared/schemas/bulletins';
import type { PublishedBulletins } from '#shared/store/ports';

export class MemoryBulletins implements PublishedBulletins {
  readonly all = new Map<string, Bulletin>();
  save(bulletin: Bulletin) {
    this.all.set(bulletin.bulletinId, bulletin);
  }
  async get(bulletinId: string) {
    return this.all.get(bulletinId);
  }
  async ofYear(year: number) {
    return [...this.all.values()]
      .filter((b) => b.year === year && b.status === 'published')
      .sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''));
  }
  async years() {
    const years = new Set([...this.all.values()].filter((b) => b.status === 'published').map((b) => b.year));
    return [...years].sort((a, b) => b - a);
  }
}

let counter = 0;
export const nextId = (prefix: 'it' | 'bl') => `${prefix}_${String(++counter).padStart(24, '0')}`;

export function item(overrides: Partial<BulletinItem> = {}): BulletinItem {
  return {
    itemId: nextId('it'),
    unitId: 'gaomi',
    coUnits: [],
    unitNames: ['高密市人民政府'],
    title: '高密市推进桃花村人居环境整治',
    body: '第一段正文。\n第二段正文。',
    openness: 'public',
    ...overrides,
  };
}

export function bulletin(overrides: Partial<Bulletin> = {}): Bulletin {
  const number = overrides.number ?? 12;
  return {
    bulletinId: nextId('bl'),
    seriesId: 'zwxx',
    seriesName: '政务信息',
    year: 2026,
    number,
    total: 1000 + number,
    status: 'published',
    items: [item()],
    editor: 'editor',
    signer: '张三',
    distribution: { report: ['省政府办公厅'], send: ['市委办公室'], issue: ['各县市区政府'] },
    createdAt: '2026-11-20T01:00:00.000Z',
    updatedAt: '2026-11-25T01:00:00.000Z',
    publishedAt: '2026-11-25T01:00:00.000Z',
    version: 2,
    ...overrides,
  };
}
