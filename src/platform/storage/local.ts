import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { contentTypeOfKey, extensionFor, isBlobKey, type BlobStat, type BlobStorage, type StoredBlob } from './storage.js';

/**
 * Blobs on the local disk under `root/ab/cd/<key>`. Writes go to a temp file in the same folder and
 * are renamed into place, so a reader never sees half a blob and a crash leaves no torn file.
 */
export function createLocalStorage(root: string): BlobStorage {
  const pathOf = (key: string) => path.join(root, key.slice(0, 2), key.slice(2, 4), key);

  async function statOf(key: string): Promise<BlobStat | undefined> {
    if (!isBlobKey(key)) return undefined;
    try {
      const s = await stat(pathOf(key));
      return { contentType: contentTypeOfKey(key), size: s.size };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  return {
    kind: 'local',
    async put(bytes, contentType): Promise<StoredBlob> {
      const key = `${createHash('sha256').update(bytes).digest('hex')}.${extensionFor(contentType)}`;
      const target = pathOf(key);
      if (await statOf(key)) return { key, contentType: contentTypeOfKey(key), size: bytes.length, created: false };
      await mkdir(path.dirname(target), { recursive: true });
      const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        await writeFile(temp, bytes, { flag: 'wx' });
        await rename(temp, target);
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
      return { key, contentType: contentTypeOfKey(key), size: bytes.length, created: true };
    },
    async open(key) {
      const s = await statOf(key);
      if (!s) return undefined;
      return { stream: createReadStream(pathOf(key)), stat: s };
    },
    stat: statOf,
    async delete(key) {
      if (isBlobKey(key)) await rm(pathOf(key), { force: true });
    },
  };
}
