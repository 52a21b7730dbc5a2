import { isPortFree } from '../../infra/local/ports';

/** A base port with `count` free consecutive ports after it (random, so parallel test files rarely collide). */
export async function freeConsecutivePorts(count = 6): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 20_000 + Math.floor(Math.random() * 30_000);
    let free = true;
    for (let offset = 0; offset < count && free; offset++) free = await isPortFree(base + offset);
    if (free) return base;
  }
  throw new Error(`found no ${count} free consecutive ports`);
}
