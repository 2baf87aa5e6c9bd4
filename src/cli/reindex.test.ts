import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { loadConfig } from '../config.js';
import { createContainer } from '../container.js';
import { addProduct } from '../modules/catalog/testing.js';
import { productLook, renderProductImage } from '../seed/images/index.js';
import { runReindex } from './reindex.js';

describe('coterie reindex', { timeout: 120_000 }, () => {
  const dirs: string[] = [];
  after(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('embeds every product image and writes the similarity index into the data folder', { skip: process.env.DATABASE_URL ? 'runs on the embedded database' : false }, async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'coterie-reindex-'));
    dirs.push(dataDir);
    const config = loadConfig({ COTERIE_DATA: dataDir, LOG_LEVEL: 'silent', LOG_FORMAT: 'json' });
    const setup = await createContainer(config);
    try {
      for (const [i, category] of (['dresses', 'shoes', 'bags'] as const).entries()) {
        const image = await renderProductImage(productLook(`reindex-${i}`, category));
        const blob = await setup.storage.put(image.jpeg, 'image/jpeg');
        await addProduct(setup.database.db, { id: `r${i}`, category, images: [blob.key] });
      }
      await addProduct(setup.database.db, { id: 'no-image' });
    } finally {
      await setup.close();
    }
    const result = await runReindex(config);
    assert.deepEqual(result, { products: 3, indexed: 3 });
    assert.ok(existsSync(path.join(dataDir, 'vision', 'products.usearch')));
    // A second run finds the same products and replaces their descriptors.
    assert.deepEqual(await runReindex(config), { products: 3, indexed: 3 });
  });
});
