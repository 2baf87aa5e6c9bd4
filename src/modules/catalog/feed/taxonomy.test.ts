import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { CATEGORIES, categoriseProduct, isCategorySlug } from './taxonomy.js';

const cat = (category: string, subcategory: string | null = null) => ({ category, subcategory });

describe('categoriseProduct', () => {
  it('maps Google product taxonomy paths, deepest segment first', () => {
    assert.deepEqual(categoriseProduct({ googleProductCategory: 'Apparel & Accessories > Clothing > Dresses' }), cat('dresses'));
    assert.deepEqual(categoriseProduct({ googleProductCategory: 'Apparel & Accessories > Shoes' }), cat('shoes'));
    assert.deepEqual(
      categoriseProduct({ googleProductCategory: 'Apparel & Accessories > Handbags, Wallets & Cases > Handbags' }),
      cat('bags'),
    );
    assert.deepEqual(categoriseProduct({ googleProductCategory: 'Apparel & Accessories > Jewelry > Watches' }), cat('watches'));
    assert.deepEqual(
      categoriseProduct({ googleProductCategory: 'Apparel & Accessories > Clothing > Outerwear > Coats & Jackets' }),
      cat('coats-jackets'),
    );
  });

  it('maps the numeric Google ids it knows and falls through on the ones it does not', () => {
    assert.deepEqual(categoriseProduct({ googleProductCategory: '2271' }), cat('dresses'));
    assert.deepEqual(categoriseProduct({ googleProductCategory: '187' }), cat('shoes'));
    assert.deepEqual(categoriseProduct({ googleProductCategory: '3032' }), cat('bags'));
    assert.deepEqual(categoriseProduct({ googleProductCategory: '999999', productType: 'Knitwear' }), cat('knitwear'));
  });

  it('does not read "Apparel & Accessories" alone as the accessories category', () => {
    assert.equal(categoriseProduct({ googleProductCategory: 'Apparel & Accessories' }), null);
    assert.deepEqual(
      categoriseProduct({ googleProductCategory: 'Apparel & Accessories', productType: 'Coats & Jackets' }),
      cat('coats-jackets'),
    );
  });

  it('maps retailer product_type strings', () => {
    assert.deepEqual(categoriseProduct({ productType: 'Women > Shoes > Heels' }), cat('shoes', 'heels'));
    assert.deepEqual(categoriseProduct({ productType: 'Knitwear' }), cat('knitwear'));
    assert.deepEqual(categoriseProduct({ productType: 'Coats & Jackets' }), cat('coats-jackets'));
    assert.deepEqual(categoriseProduct({ productType: 'Women > Jeans > Skinny' }), cat('jeans'));
  });

  it('falls back to title words, the garment noun last', () => {
    const byTitle: [string, string, string | null][] = [
      ['Patent stiletto', 'shoes', 'heels'],
      ['Satin pumps', 'shoes', 'heels'],
      ['Leather trainers', 'shoes', 'sneakers'],
      ['Low-top sneakers', 'shoes', 'sneakers'],
      ['Chelsea boots', 'shoes', 'boots'],
      ['Cashmere cardigan', 'knitwear', null],
      ['Wool jumper', 'knitwear', null],
      ['Double-breasted blazer', 'coats-jackets', null],
      ['Down parka', 'coats-jackets', null],
      ['Straight-leg jeans', 'jeans', null],
      ['Triangle bikini', 'swimwear', null],
      ['Bikini top', 'swimwear', null],
      ['Canvas tote', 'bags', null],
      ['Beaded clutch', 'bags', null],
      ['Ribbed beanie', 'hats', null],
      ['Shirt dress', 'dresses', null],
      ['Silk dress shirt', 'shirts', null],
      ['Cotton T-shirt', 'tops', null],
      ['Gold hoop earrings', 'jewellery', null],
    ];
    for (const [title, category, subcategory] of byTitle) {
      assert.deepEqual(categoriseProduct({ title }), cat(category, subcategory), title);
    }
  });

  it('takes the category from the higher source and a subcategory from a lower one', () => {
    assert.deepEqual(categoriseProduct({ googleProductCategory: '187', title: 'Leather stiletto pumps' }), cat('shoes', 'heels'));
    assert.deepEqual(categoriseProduct({ productType: 'Shoes', title: 'Ankle boot with bag charm' }), cat('shoes', 'boots'));
    assert.deepEqual(categoriseProduct({ productType: 'Dresses', title: 'Knitted jumper' }), cat('dresses'));
  });

  it('answers null when nothing matches', () => {
    assert.equal(categoriseProduct({}), null);
    assert.equal(categoriseProduct({ title: 'Gift card' }), null);
  });

  it('is deterministic and only answers known slugs', () => {
    fc.assert(
      fc.property(fc.record({ googleProductCategory: fc.string(), productType: fc.string(), title: fc.string() }), (hints) => {
        const a = categoriseProduct(hints);
        assert.deepEqual(categoriseProduct(hints), a);
        if (a === null) return;
        assert.ok(isCategorySlug(a.category));
        const subs = CATEGORIES.find((c) => c.slug === a.category)?.subcategories.map((s) => s.slug) ?? [];
        assert.ok(a.subcategory === null || subs.includes(a.subcategory));
      }),
    );
  });
});
