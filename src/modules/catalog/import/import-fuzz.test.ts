/**
 * Property tests of the whole path from bytes to catalogue: feeds in the three formats with a BOM or
 * not, CRLF or LF, blank lines, multi-line fields, and bad rows of every kind mixed among good ones.
 * The import must never crash, must name every bad row by its true line, and must import the rest.
 * (Stray quotes in a CSV field are read as text, as csv-parse's relax_quotes does: not a bad row.)
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { MAX_LINE_BYTES } from '../feed/feed-reader.js';
import { importCatalogFeed } from './import-feed.js';
import { createImportWorld, dressRow, type ImportWorld } from './testing.js';

type Format = 'csv' | 'tsv' | 'jsonl';
const COLUMNS = ['id', 'title', 'description', 'brand', 'price', 'availability', 'quantity', 'availability_date', 'image_link', 'google_product_category'];

/** One record of a generated feed: good, or broken in one way that the test knows the field of. */
type Spec =
  | { kind: 'good'; multiline: boolean; quantity: number | null }
  | { kind: 'bad-price'; price: string }
  | { kind: 'missing'; field: 'id' | 'title' | 'price' | 'brand' | 'image_link' | 'availability' }
  | { kind: 'wrong-type'; field: 'quantity' | 'availability_date' | 'title' }
  | { kind: 'too-long-title'; length: number }
  | { kind: 'not-utf8' }
  | { kind: 'stray-quotes' };

const specArb: fc.Arbitrary<Spec> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('good' as const), multiline: fc.boolean(), quantity: fc.option(fc.nat(500), { nil: null }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('bad-price' as const), price: fc.constantFrom('abc', '12.999 GBP', '-5 GBP', '10', 'GBP', '1.00 XYZ') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('missing' as const), field: fc.constantFrom('id', 'title', 'price', 'brand', 'image_link', 'availability') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('wrong-type' as const), field: fc.constantFrom('quantity', 'availability_date', 'title') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('too-long-title' as const), length: fc.integer({ min: 151, max: 20_000 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'not-utf8' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'stray-quotes' as const }) },
);

interface Built {
  bytes: Buffer;
  /** Line → the one field its row must be rejected for. */
  bad: Map<number, string>;
  good: string[];
  records: number;
}

const INVALID_UTF8 = Buffer.from([0xff, 0xfe, 0xc3]);

/** Writes the specs as a feed, tracking the line each record starts on. */
function build(format: Format, specs: readonly Spec[], run: number, options: { bom: boolean; crlf: boolean; blankEvery: number }): Built {
  const eol = options.crlf ? '\r\n' : '\n';
  const parts: Buffer[] = [];
  const bad = new Map<number, string>();
  const good: string[] = [];
  let line = 1;
  let records = 0;
  const push = (text: string | Buffer) => parts.push(typeof text === 'string' ? Buffer.from(text) : text);
  if (options.bom) push('\uFEFF');
  if (format !== 'jsonl') {
    push(COLUMNS.join(format === 'csv' ? ',' : '\t') + eol);
    line++;
  }
  specs.forEach((spec, i) => {
    if (options.blankEvery > 0 && i % options.blankEvery === 0) {
      push(eol);
      line++;
    }
    const id = `r${run}-${i}`;
    const record: Record<string, unknown> = { ...dressRow(id), description: 'Plain.', quantity: '', availability_date: '' };
    let garbled = false;
    switch (spec.kind) {
      case 'good':
        if (spec.quantity !== null) record.quantity = format === 'jsonl' ? spec.quantity : String(spec.quantity);
        if (spec.multiline && format !== 'tsv') record.description = `First line.${eol}Second "quoted" line,${eol}third.`;
        good.push(id);
        break;
      case 'bad-price':
        record.price = spec.price;
        bad.set(line, 'price');
        break;
      case 'missing':
        record[spec.field] = '';
        bad.set(line, spec.field);
        break;
      case 'wrong-type':
        record[spec.field] = spec.field === 'title' ? (format === 'jsonl' ? { text: 'object' } : '') : format === 'jsonl' ? [1, 2] : 'soon';
        bad.set(line, spec.field);
        break;
      case 'too-long-title':
        record.title = 't'.repeat(spec.length);
        bad.set(line, 'title');
        break;
      case 'not-utf8':
        garbled = true;
        bad.set(line, 'title');
        break;
      case 'stray-quotes':
        // Quotes a careless export leaves in a field are read as text, not as a broken row.
        good.push(id);
        break;
    }
    records++;
    const lines = format === 'csv' ? String(record.description).split('\n').length - 1 : 0;
    if (format === 'jsonl') {
      const text = JSON.stringify(record);
      if (garbled) {
        const [head, tail] = text.split('Silk') as [string, string];
        push(Buffer.concat([Buffer.from(head), INVALID_UTF8, Buffer.from(tail)]));
      } else push(text);
    } else {
      const sep = format === 'csv' ? ',' : '\t';
      const cells = COLUMNS.map((c) => {
        const v = record[c];
        const text = typeof v === 'string' ? v : JSON.stringify(v);
        if (format === 'tsv') return text;
        if (c === 'title' && spec.kind === 'stray-quotes') return `"${text}" (new)`;
        return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
      });
      const row = cells.join(sep);
      if (garbled) {
        const [head, tail] = row.split('Silk') as [string, string];
        push(Buffer.concat([Buffer.from(head), INVALID_UTF8, Buffer.from(tail)]));
      } else push(row);
    }
    push(eol);
    line += 1 + lines;
  });
  return { bytes: Buffer.concat(parts), bad, good, records };
}

describe('importing malformed feeds (property tests)', () => {
  let world: ImportWorld;
  let run = 0;
  before(async () => {
    world = await createImportWorld();
  });
  after(async () => {
    await world.close();
  });

  for (const format of ['csv', 'tsv', 'jsonl'] as const) {
    it(`${format}: never crashes, reports every bad row on its line, imports every good row`, async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(specArb, { minLength: 1, maxLength: 25 }),
          fc.boolean(),
          fc.boolean(),
          fc.integer({ min: 0, max: 4 }),
          fc.integer({ min: 1, max: 6 }),
          async (specs, bom, crlf, blankEvery, batchSize) => {
            run++;
            const built = build(format, specs, run, { bom, crlf, blankEvery });
            const file = await world.feed(`fuzz-${run}.${format}`, built.bytes);
            const report = await importCatalogFeed(world, { file, images: false, batchSize });
            assert.equal(report.status, 'completed', report.failure ?? '');
            assert.equal(report.rows, built.records);
            assert.equal(report.rejected, built.bad.size);
            assert.equal(report.created, built.good.length);
            const byLine = new Map<number, string[]>();
            for (const e of report.errors) byLine.set(e.line, [...(byLine.get(e.line) ?? []), e.field]);
            assert.deepEqual([...byLine.keys()].sort((a, b) => a - b), [...built.bad.keys()].sort((a, b) => a - b));
            for (const [line, field] of built.bad) assert.deepEqual(byLine.get(line), [field], `line ${line}`);
            const imported = await world.database.query<{ id: string }>('select id from products where id like $1', [`r${run}-%`]);
            assert.deepEqual(imported.map((r) => r.id).sort(), [...built.good].sort());
          },
        ),
        { numRuns: 25 },
      );
    });
  }

  it('csv: an unclosed quote is reported on its line; the rows before it are imported', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 8 }), fc.boolean(), async (before, crlf) => {
        run++;
        const built = build('csv', Array.from({ length: before }, () => ({ kind: 'good', multiline: false, quantity: null }) as const), run, { bom: false, crlf, blankEvery: 0 });
        const brokenLine = before + 2;
        const file = await world.feed(`unclosed-${run}.csv`, Buffer.concat([built.bytes, Buffer.from(`x${run},"never closed,${crlf ? '\r\n' : '\n'}y,z\n`)]));
        const report = await importCatalogFeed(world, { file, images: false });
        assert.equal(report.status, 'completed');
        assert.equal(report.created, before);
        assert.deepEqual(report.errors.map((e) => [e.line, e.reason]), [[brokenLine, 'a quoted field is never closed']]);
      }),
      { numRuns: 10 },
    );
  });

  it('jsonl: a line longer than the limit is reported and the lines after it are still imported', async () => {
    run++;
    const lines = [JSON.stringify(dressRow(`r${run}-a`)), JSON.stringify({ ...dressRow(`r${run}-b`), description: 'x'.repeat(MAX_LINE_BYTES) }), JSON.stringify(dressRow(`r${run}-c`))];
    const report = await importCatalogFeed(world, { file: await world.feed(`long-${run}.jsonl`, lines.join('\n')), images: false });
    assert.deepEqual([report.rows, report.created, report.rejected], [3, 2, 1]);
    assert.deepEqual(report.errors.map((e) => [e.line, e.field]), [[2, '(record)']]);
  });
});

