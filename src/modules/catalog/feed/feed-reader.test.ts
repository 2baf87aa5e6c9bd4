import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import type { FeedItem } from './feed-reader.js';
import { feedFormat, MAX_LINE_BYTES, readFeed, UnsupportedFeedError } from './feed-reader.js';

let dir = '';
let n = 0;
before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'coterie-feed-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function feed(ext: string, content: string | Uint8Array, maxLineBytes?: number): Promise<FeedItem[]> {
  const file = path.join(dir, `feed-${n++}${ext}`);
  await writeFile(file, content);
  const items: FeedItem[] = [];
  for await (const item of readFeed(file, maxLineBytes === undefined ? {} : { maxLineBytes })) items.push(item);
  await rm(file);
  return items;
}

describe('readFeed', () => {
  it('chooses the format by extension and refuses others clearly', () => {
    assert.equal(feedFormat('a/b/feed.CSV'), 'csv');
    assert.equal(feedFormat('feed.tsv'), 'tsv');
    assert.equal(feedFormat('feed.jsonl'), 'jsonl');
    assert.throws(() => readFeed('feed.xml'), (err: unknown) => err instanceof UnsupportedFeedError && /\.csv, \.tsv or \.jsonl/.test(err.message));
    assert.throws(() => readFeed('feed'), UnsupportedFeedError);
  });

  it('reads CSV with a BOM, CRLF, untidy headers, blank lines and multi-line fields', async () => {
    const items = await feed('.csv', '\uFEFF ID , Title,Price\r\na,"two\r\nlines",1 GBP\r\n\r\nb,plain,2 GBP,extra\r\nc\r\n');
    assert.deepEqual(items, [
      { line: 2, record: { id: 'a', title: 'two\r\nlines', price: '1 GBP' } },
      { line: 5, record: { id: 'b', title: 'plain', price: '2 GBP' } },
      { line: 6, record: { id: 'c' } },
    ]);
  });

  it('reports an unclosed quote with its line and stops without throwing', async () => {
    const items = await feed('.csv', 'id,title\na,b\nc,"never closed\nd,e\n');
    assert.deepEqual(items, [
      { line: 2, record: { id: 'a', title: 'b' } },
      { line: 3, error: 'a quoted field is never closed' },
    ]);
  });

  it('reports a CSV record over the size limit', async () => {
    const items = await feed('.csv', `id,title\na,b\nc,${'x'.repeat(MAX_LINE_BYTES + 10)}\n`);
    assert.deepEqual(items[0], { line: 2, record: { id: 'a', title: 'b' } });
    assert.equal(items[1]?.line, 3);
    assert.ok(items[1] !== undefined && 'error' in items[1] && /longer than/.test(items[1].error));
  });

  it('reads Merchant Center TSV, where quotes are plain characters', async () => {
    const items = await feed('.tsv', 'id\ttitle\r\na\t12" vinyl\r\nb\t"quoted"\r\n');
    assert.deepEqual(items, [
      { line: 2, record: { id: 'a', title: '12" vinyl' } },
      { line: 3, record: { id: 'b', title: '"quoted"' } },
    ]);
  });

  it('reads JSON Lines, reporting bad lines without stopping', async () => {
    const long = `{"x":"${'a'.repeat(2000)}"}`;
    const bytes = Buffer.concat([
      Buffer.from(`\uFEFF{"id":"a"}\r\n\n[1]\nnot json\n`),
      Buffer.from([0x7b, 0x22, 0x69, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d, 0x0a]),
      Buffer.from(`${long}\n{"id":"last"}`),
    ]);
    const items = await feed('.jsonl', bytes, 1000);
    assert.deepEqual(items.map((i) => [i.line, 'error' in i]), [[1, false], [3, true], [4, true], [5, false], [6, true], [7, false]]);
    assert.deepEqual(items[3], { line: 5, record: { i: '\uFFFD\uFFFD' } });
    assert.deepEqual(items[5], { line: 7, record: { id: 'last' } });
  });

  it('lets the importer stop early and rejects a missing file on first read', async () => {
    for (const [ext, body] of [['.csv', 'id\na\nb\nc\n'], ['.jsonl', '{"id":"a"}\n{"id":"b"}\n']] as const) {
      const file = path.join(dir, `early${ext}`);
      await writeFile(file, body);
      for await (const item of readFeed(file)) {
        assert.equal(item.line, ext === '.csv' ? 2 : 1);
        break;
      }
      await rm(file);
    }
    await assert.rejects(async () => {
      for await (const _ of readFeed(path.join(dir, 'missing.csv'))) break;
    }, /ENOENT/);
  });

  it('streams a large feed with consecutive line numbers', async () => {
    const rows = 20_000;
    const csv = ['id,title,price', ...Array.from({ length: rows }, (_, i) => `p${i},"Product, ${i}",${i}.00 GBP`)].join('\n');
    const items = await feed('.csv', csv);
    assert.equal(items.length, rows);
    items.forEach((item, i) => assert.equal(item.line, i + 2));
  });
});

/** Writes one CSV field the way a careful exporter would. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}

describe('readFeed properties', () => {
  it('reads back exactly what a well-formed CSV holds, with each record starting line', async () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'b', ' ', ',', '"', '\n', '\r\n', 'é', '\t') , maxLength: 12 });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.string({ unit: fc.constantFrom('x', 'y', 'z'), minLength: 1, maxLength: 4 }), field), { minLength: 1, maxLength: 20 }),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        async (rows, eol, bom) => {
          let text = `${bom ? '\uFEFF' : ''}id,title${eol}`;
          const expected: FeedItem[] = [];
          let line = 2;
          for (const [id, title] of rows) {
            expected.push({ line, record: { id, title } });
            const written = `${csvField(id)},${csvField(title)}`;
            text += written + eol;
            line += written.split('\n').length - 1 + 1;
          }
          assert.deepEqual(await feed('.csv', text), expected);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('never throws on arbitrary bytes and always terminates', async () => {
    const piece = fc.oneof(
      fc.constantFrom('"', ',', '\t', '\r', '\n', '\r\n', '\uFEFF', 'id,title\n', 'id\ttitle\n', '{"id":"a"}\n', '{', '}', '\\', '""'),
      fc.string({ maxLength: 20 }),
      fc.constant('q'.repeat(1500)),
    );
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 400 }),
      fc.array(fc.oneof(piece.map((s) => Buffer.from(s)), fc.uint8Array({ maxLength: 8 })), { maxLength: 30 }).map((parts) => Buffer.concat(parts)),
    );
    await fc.assert(
      fc.asyncProperty(bytes, fc.constantFrom('.csv', '.tsv', '.jsonl'), async (content, ext) => {
        const items = await feed(ext, content, 1000);
        const lines = Buffer.from(content).toString('latin1').split('\n').length;
        for (const item of items) {
          assert.ok(Number.isInteger(item.line) && item.line >= 1 && item.line <= lines, `line ${item.line} of ${lines}`);
          if ('error' in item) assert.ok(item.error.length > 0);
          else assert.equal(typeof item.record, 'object');
        }
      }),
      { numRuns: 250 },
    );
  });
});
