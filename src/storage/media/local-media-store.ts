import { access, mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { MediaStore } from './media-store.js';

const SAFE_KEY = /^[a-z0-9][a-z0-9/_.-]*$/;

export function localMediaStore(root: string, urlPrefix = '/media'): MediaStore & { root: string } {
  function fileOf(key: string): string {
    if (!SAFE_KEY.test(key) || key.includes('..')) throw new Error(`Refusing unsafe media key ${JSON.stringify(key)}`);
    return path.join(root, key);
  }
  return {
    root,
    async put(key, bytes) {
      const file = fileOf(key);
      await mkdir(path.dirname(file), { recursive: true });
      // Write then rename, so a reader never sees half a file.
      const temp = `${file}.${process.pid}.tmp`;
      await writeFile(temp, bytes);
      await rename(temp, file);
    },
    async exists(key) {
      try {
        await access(fileOf(key));
        return true;
      } catch {
        return false;
      }
    },
    url(key) {
      return `${urlPrefix}/${key}`;
    },
  };
}
