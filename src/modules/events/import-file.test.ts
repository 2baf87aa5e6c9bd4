import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../../platform/db/testing.js';
import { EventFileError, importEventFile } from './import-file.js';

const line = (n: number, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ id: `f-${n}`, type: 'view', time: '2026-05-01T12:00:00Z', actor: `a${n % 7}`, product: `P${n % 13}`, city: 'São Paulo', country: 'BR', ...extra });

describe('importing an event file', () => {
  let database: TestDatabase;
  let dir: string;
  const count = async () => (await database.query<{ n: number }>('select count(*)::int as n from events'))[0]!.n;
  before(async () => {
    database = await createTestDatabase();
    dir = await mkdtemp(path.join(os.tmpdir(), 'coterie-event-file-'));
  });
  after(async () => {
    await database.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('imports in chunks, in file order, and finds every event a duplicate the second time', async () => {
    const file = path.join(dir, 'history.jsonl');
    // Lines with multi-byte characters across the reader's 1 MiB chunks; blank lines skipped.
    const lines = Array.from({ length: 12_345 }, (_, n) => (n % 1000 === 999 ? '' : line(n)));
    await writeFile(file, `${lines.join('\n')}\n`);
    const passes: string[] = [];
    const first = await importEventFile(database, file, { chunkSize: 1000, onProgress: (pass) => void (passes.includes(pass) || passes.push(pass)) });
    const events = lines.filter(Boolean).length;
    assert.deepEqual([first.events, first.accepted, first.duplicates], [events, events, 0]);
    assert.deepEqual(passes, ['checking', 'importing']);
    const order = await database.query<{ id: string; city: string }>('select id, city from events order by seq');
    assert.deepEqual(order.map((r) => r.id), lines.flatMap((l, n) => (l ? [`f-${n}`] : [])));
    assert.ok(order.every((r) => r.city === 'São Paulo'));
    const second = await importEventFile(database, file, { chunkSize: 1000 });
    assert.deepEqual([second.accepted, second.duplicates], [0, events]);
    const sources = await database.query<{ source: string }>('select distinct source from events');
    assert.deepEqual(sources, [{ source: 'import' }]);
  });

  it('rejects the whole file for one bad line, naming line and field, before writing anything', async () => {
    const before = await count();
    const file = path.join(dir, 'bad.jsonl');
    const lines = Array.from({ length: 7000 }, (_, n) => line(100_000 + n));
    lines[6500] = line(106_500, { quantity: -1 });
    await writeFile(file, lines.join('\n'));
    await assert.rejects(importEventFile(database, file, { chunkSize: 1000 }), (error: unknown) => {
      assert.ok(error instanceof EventFileError);
      assert.equal(error.message, 'bad.jsonl line 6501: quantity must be at least 1; nothing was imported');
      assert.deepEqual([error.line, error.field], [6501, 'quantity']);
      return true;
    });
    await writeFile(file, `${line(1)}\n{"type": "view",\n`);
    await assert.rejects(importEventFile(database, file), /bad\.jsonl line 2: not a JSON object/);
    assert.equal(await count(), before);
  });

  it('says so for a missing file, a folder and an empty file', async () => {
    await assert.rejects(importEventFile(database, path.join(dir, 'missing.jsonl')), /^EventFileError: no such file/);
    await assert.rejects(importEventFile(database, dir), /is not a file/);
    const empty = path.join(dir, 'empty.jsonl');
    await writeFile(empty, '\n\n');
    await assert.rejects(importEventFile(database, empty), /nothing to import: empty\.jsonl has no events/);
  });
});
