import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { RowResult } from './feed-row.js';
import { classifyImageLink, parseAvailabilityDate, validateFeedRow } from './feed-row.js';

const good = {
  id: 'SKU-001',
  title: '  Silk slip dress  ',
  description: 'Bias-cut silk.',
  price: '1,299.00 GBP',
  sale_price: '999.00 GBP',
  brand: 'Maison Test',
  image_link: 'images/sku-001.jpg',
  additional_image_link: 'https://cdn.example.com/a.jpg, images/b.jpg',
  availability: 'in stock',
  color: 'Bordeaux/Off-White',
  google_product_category: 'Apparel & Accessories > Clothing > Dresses',
  material: 'silk/elastane',
  gender: 'female',
  size: 'M',
  item_group_id: 'G1',
  custom_label_2: 'SS26',
  some_unknown_column: 'ignored',
};

function errorsOf(result: RowResult) {
  assert.equal(result.ok, false);
  return result.ok ? [] : result.errors;
}

describe('validateFeedRow', () => {
  it('reads the spellings feeds use for availability', () => {
    for (const [raw, expected] of [['in stock', 'in_stock'], ['Pre-Order', 'preorder'], ['back order', 'backorder'], ['OUT_OF_STOCK', 'out_of_stock']]) {
      const result = validateFeedRow({ ...good, availability: raw }, 2);
      assert.ok(result.ok, raw);
      assert.equal(result.row.availability, expected);
    }
  });

  it('normalises a good row', () => {
    const result = validateFeedRow(good, 7);
    assert.ok(result.ok, JSON.stringify(result));
    const row = result.row;
    assert.equal(row.title, 'Silk slip dress');
    assert.deepEqual(row.price, { amount_minor: 129900, currency: 'GBP' });
    assert.deepEqual(row.sale_price, { amount_minor: 99900, currency: 'GBP' });
    assert.equal(row.availability, 'in_stock');
    assert.deepEqual(row.color, { palette: ['red', 'white'], raw: 'Bordeaux/Off-White' });
    assert.deepEqual(row.category, { category: 'dresses', subcategory: null });
    assert.deepEqual(row.image_link, { kind: 'local', raw: 'images/sku-001.jpg' });
    assert.deepEqual(row.additional_image_links.map((l) => l.kind), ['url', 'local']);
    assert.deepEqual(row.materials, ['silk', 'elastane']);
    assert.deepEqual(row.custom_labels, [null, null, 'SS26', null, null]);
    assert.equal(row.gtin, null);
    assert.ok(!('some_unknown_column' in row));
  });

  it('accepts header names in any case and JSON numbers', () => {
    const result = validateFeedRow({ ...good, ID: undefined, Id: 42, Title: 'x' }, 1);
    assert.ok(result.ok);
    assert.equal(result.row.id, 'SKU-001');
    const numeric = validateFeedRow({ ...good, id: 42 }, 1);
    assert.ok(numeric.ok);
    assert.equal(numeric.row.id, '42');
  });

  it('accepts additional images as a JSON list and drops those past ten', () => {
    const links = Array.from({ length: 12 }, (_, i) => `images/${i}.jpg`);
    const result = validateFeedRow({ ...good, additional_image_link: links }, 1);
    assert.ok(result.ok);
    assert.equal(result.row.additional_image_links.length, 10);
    assert.deepEqual(errorsOf(validateFeedRow({ ...good, additional_image_link: [{}] }, 1)).map((e) => e.field), ['additional_image_link']);
  });

  it('names every missing required attribute', () => {
    const errors = errorsOf(validateFeedRow({}, 3));
    assert.deepEqual(errors.map((e) => e.field).sort(), ['availability', 'brand', 'id', 'image_link', 'price', 'title']);
    assert.ok(errors.every((e) => e.line === 3 && e.reason === 'is required'));
  });

  it('rejects bad values with their field and reason', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ id: 'has space' }, 'id'],
      [{ id: 'x'.repeat(51) }, 'id'],
      [{ title: 't'.repeat(151) }, 'title'],
      [{ price: '12.999 GBP' }, 'price'],
      [{ price: '-1 GBP', sale_price: undefined }, 'price'],
      [{ sale_price: '1,299.00 GBP' }, 'sale_price'],
      [{ sale_price: '10.00 USD' }, 'sale_price'],
      [{ availability: 'maybe' }, 'availability'],
      [{ image_link: '../outside.jpg' }, 'image_link'],
      [{ image_link: '/etc/passwd' }, 'image_link'],
      [{ image_link: 'file:///etc/passwd' }, 'image_link'],
      [{ image_link: 'javascript:alert(1)' }, 'image_link'],
      [{ additional_image_link: 'ok.jpg,images/../../x.jpg' }, 'additional_image_link'],
      [{ gender: 'robot' }, 'gender'],
      [{ condition: 'mint' }, 'condition'],
      [{ title: { nested: true } }, 'title'],
    ];
    for (const [patch, field] of cases) {
      const errors = errorsOf(validateFeedRow({ ...good, ...patch }, 9));
      assert.deepEqual(errors.map((e) => e.field), [field], JSON.stringify(patch));
      assert.ok(errors.every((e) => e.line === 9 && e.reason.length > 0));
    }
  });

  it('caps long free text instead of rejecting it', () => {
    const result = validateFeedRow({ ...good, description: 'd'.repeat(6000) }, 1);
    assert.ok(result.ok);
    assert.equal(result.row.description?.length, 5000);
  });

  it('classifies image links', () => {
    assert.deepEqual(classifyImageLink('https://x.example/a.jpg'), { kind: 'url', raw: 'https://x.example/a.jpg' });
    assert.deepEqual(classifyImageLink('a/../b.jpg'), { kind: 'local', raw: 'a/../b.jpg' });
    assert.ok('error' in classifyImageLink('a\\..\\..\\b.jpg'));
    assert.ok('error' in classifyImageLink('C:\\images\\b.jpg'));
  });

  it('never throws on arbitrary records and always names a field', () => {
    const attribute = fc.constantFrom('id', 'title', 'price', 'sale_price', 'brand', 'image_link', 'availability', 'color', 'gender', 'additional_image_link', '__proto__', 'constructor');
    const value = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string()), fc.object());
    fc.assert(
      fc.property(fc.dictionary(fc.oneof(attribute, fc.string()), value), fc.record(Object.fromEntries(Object.keys(good).map((k) => [k, value])), { requiredKeys: [] }), (noise, partial) => {
        for (const record of [noise, { ...good, ...partial }]) {
          const result = validateFeedRow(record, 4);
          if (!result.ok) {
            assert.ok(result.errors.length > 0);
            for (const e of result.errors) assert.ok(e.field.length > 0 && e.reason.length > 0 && e.line === 4);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('the importer attributes: availability_date, quantity, item_group_id', () => {
  it('reads availability_date as Google writes it, as a UTC instant', () => {
    assert.equal(parseAvailabilityDate('2026-03-01'), '2026-03-01T00:00:00.000Z');
    assert.equal(parseAvailabilityDate('2026-03-01T09:00+0100'), '2026-03-01T08:00:00.000Z');
    assert.equal(parseAvailabilityDate('2026-03-01T09:00:30-05:00'), '2026-03-01T14:00:30.000Z');
    assert.equal(parseAvailabilityDate('2026-03-01 09:00'), '2026-03-01T09:00:00.000Z');
    for (const bad of ['2026-02-30', '2026-13-01', 'next week', '01/03/2026', '2026-03-01T25:00Z']) assert.equal(parseAvailabilityDate(bad), null, bad);
    const result = validateFeedRow({ ...good, availability: 'preorder', availability_date: '2026-03-01' }, 2);
    assert.ok(result.ok);
    assert.equal(result.row.availability_date, '2026-03-01T00:00:00.000Z');
    assert.deepEqual(errorsOf(validateFeedRow({ ...good, availability_date: 'soon' }, 2)).map((e) => e.field), ['availability_date']);
  });

  it('reads quantity as a whole number of 0 or more', () => {
    for (const [raw, expected] of [['0', 0], ['12', 12], [7, 7], ['', null]] as const) {
      const result = validateFeedRow({ ...good, quantity: raw }, 2);
      assert.ok(result.ok, String(raw));
      assert.equal(result.row.quantity, expected);
    }
    for (const bad of ['-1', '2.5', 'many', 2.5, '99999999999']) {
      const errors = errorsOf(validateFeedRow({ ...good, quantity: bad }, 2));
      assert.deepEqual(errors.map((e) => e.field), ['quantity'], String(bad));
    }
  });

  it('holds item_group_id to the same rule as id, since it becomes the product id', () => {
    assert.deepEqual(errorsOf(validateFeedRow({ ...good, item_group_id: 'a group/with slash' }, 2)).map((e) => e.field), ['item_group_id']);
  });

  it('names the attributes whose bytes were not UTF-8', () => {
    const errors = errorsOf(validateFeedRow({ ...good, title: 'Robe d\uFFFDt\uFFFD', unknown_column: '\uFFFD' }, 5));
    assert.deepEqual(errors, [{ line: 5, field: 'title', reason: 'has bytes that are not UTF-8: save the feed as UTF-8' }]);
  });
});
