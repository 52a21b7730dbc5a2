import { fileURLToPath } from 'node:url';

/** The project root (holds package.json); function entries in the catalogue are relative to it. */
export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
