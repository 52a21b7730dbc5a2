/**
 * ZIP archives for OOXML files such as XLSX, through fflate (small and dependency-free, so a
 * spreadsheet adds a few KB to a bundle instead of a zip library's hundreds).
 */
import { strToU8, type Zippable, zipSync } from 'fflate';

export interface ZipEntry {
  /** Path inside the archive, with forward slashes. */
  name: string;
  data: Buffer | string;
}

/** The archive's bytes, every entry deflated and stamped with `at`. */
export function zip(entries: readonly ZipEntry[], at: Date = new Date()): Buffer {
  const files: Zippable = {};
  for (const entry of entries) {
    const bytes = typeof entry.data === 'string' ? strToU8(entry.data) : new Uint8Array(entry.data);
    files[entry.name] = [bytes, { mtime: at }];
  }
  return Buffer.from(zipSync(files, { level: 6 }));
}
