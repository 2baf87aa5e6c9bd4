import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { ProductVectorIndex } from './ann-index.js';

function unit(values: number[]): Float32Array {
  const norm = Math.hypot(...values);
  return Float32Array.from(values, (v) => v / norm);
}

describe('ProductVectorIndex', () => {
  const dirs: string[] = [];
  after(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('finds neighbours by cosine, replaces and removes vectors, and survives a save and load', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'coterie-ann-'));
    dirs.push(dir);
    const index = new ProductVectorIndex(dir, 'test-space', 4);
    index.upsert('a', unit([1, 0, 0, 0]), 'v1');
    index.upsert('b', unit([0.9, 0.1, 0, 0]), 'v1');
    index.upsert('c', unit([0, 0, 1, 0]), 'v1');
    assert.deepEqual(index.search(unit([1, 0, 0, 0]), 2).map((n) => n.productId), ['a', 'b']);
    assert.ok(Math.abs(index.search(unit([1, 0, 0, 0]), 1)[0]!.score - 1) < 1e-5);
    index.upsert('c', unit([1, 0.01, 0, 0]), 'v2');
    assert.equal(index.size, 3);
    assert.equal(index.versions.get('c'), 'v2');
    index.remove('a');
    assert.deepEqual(index.search(unit([1, 0, 0, 0]), 5).map((n) => n.productId).sort(), ['b', 'c']);
    await index.save();

    const reopened = new ProductVectorIndex(dir, 'test-space', 4);
    assert.equal(await reopened.load(), true);
    assert.equal(reopened.size, 2);
    assert.equal(reopened.versions.get('c'), 'v2');
    assert.equal(reopened.search(unit([1, 0.01, 0, 0]), 1)[0]!.productId, 'c');
    reopened.upsert('d', unit([0, 1, 0, 0]), 'v1');
    assert.equal(reopened.search(unit([0, 1, 0, 0]), 1)[0]!.productId, 'd');

    assert.equal(await new ProductVectorIndex(dir, 'another-space', 4).load(), false, 'vectors of another model are not reused');
    await writeFile(path.join(dir, 'products.ids.json'), '{ broken');
    const broken = new ProductVectorIndex(dir, 'test-space', 4);
    assert.equal(await broken.load(), false);
    assert.equal(broken.size, 0);
  });
});
