import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { createLocalStorage } from './local.js';
import { runStorageContract } from './storage.contract.js';

runStorageContract('local disk', async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), 'coterie-blobs-'));
  return { storage: createLocalStorage(root), close: () => rm(root, { recursive: true, force: true }) };
});

it('leaves no temporary files behind', async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), 'coterie-blobs-'));
  try {
    const storage = createLocalStorage(root);
    await Promise.all(Array.from({ length: 5 }, () => storage.put(Buffer.from('x'), 'image/png')));
    const files = await readdir(root, { recursive: true });
    assert.equal(files.filter((f) => String(f).endsWith('.tmp')).length, 0);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
