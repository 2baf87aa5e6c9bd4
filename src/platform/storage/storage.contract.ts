import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BlobStorage } from './storage.js';

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

/** The behaviour every blob storage must have; run by each implementation's test. */
export function runStorageContract(name: string, make: () => Promise<{ storage: BlobStorage; close(): Promise<void> }>): void {
  describe(`blob storage contract: ${name}`, () => {
    let storage: BlobStorage;
    let close: () => Promise<void>;
    before(async () => {
      ({ storage, close } = await make());
    });
    after(async () => {
      await close();
    });

    it('stores bytes under their content address and gives them back', async () => {
      const bytes = Buffer.from('a red heel, size 38');
      const stored = await storage.put(bytes, 'image/png');
      assert.match(stored.key, /^[0-9a-f]{64}\.png$/);
      assert.equal(stored.created, true);
      assert.equal(stored.contentType, 'image/png');
      const opened = await storage.open(stored.key);
      assert.ok(opened);
      assert.equal(opened.stat.contentType, 'image/png');
      assert.equal(opened.stat.size, bytes.length);
      assert.deepEqual(await readAll(opened.stream), bytes);
    });

    it('stores the same bytes once', async () => {
      const bytes = Buffer.from('same bytes');
      const first = await storage.put(bytes, 'image/jpeg');
      const second = await storage.put(bytes, 'image/jpeg');
      assert.equal(first.key, second.key);
      assert.equal(second.created, false);
    });

    it('survives concurrent writes of the same blob', async () => {
      const bytes = Buffer.alloc(256 * 1024, 7);
      const results = await Promise.all(Array.from({ length: 8 }, () => storage.put(bytes, 'image/webp')));
      assert.equal(new Set(results.map((r) => r.key)).size, 1);
      const opened = await storage.open(results[0]!.key);
      assert.deepEqual(await readAll(opened!.stream), bytes);
    });

    it('knows nothing of unknown or malformed keys', async () => {
      assert.equal(await storage.open(`${'a'.repeat(64)}.png`), undefined);
      assert.equal(await storage.stat('../../etc/passwd'), undefined);
      assert.equal(await storage.open('../secret'), undefined);
    });

    it('deletes', async () => {
      const stored = await storage.put(Buffer.from('to delete'), 'application/json');
      await storage.delete(stored.key);
      assert.equal(await storage.stat(stored.key), undefined);
    });
  });
}
