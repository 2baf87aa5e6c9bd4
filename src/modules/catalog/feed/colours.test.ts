import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { normaliseColours, PALETTE } from './colours.js';

const palette = (raw: string) => normaliseColours(raw).palette;

describe('normaliseColours', () => {
  it('splits multi-colour values and keeps their order', () => {
    assert.deepEqual(palette('Navy/White'), ['navy', 'white']);
    assert.deepEqual(palette('red & black'), ['red', 'black']);
    assert.deepEqual(palette('Black and White'), ['black', 'white']);
    assert.deepEqual(palette('pink, pink'), ['pink']);
  });

  it('maps the shades retailers use onto the palette', () => {
    assert.deepEqual(palette('Bordeaux'), ['red']);
    assert.deepEqual(palette('camel'), ['brown']);
    for (const white of ['off-white', 'Ivory', 'cream']) assert.deepEqual(palette(white), ['white'], white);
    for (const green of ['khaki', 'Olive']) assert.deepEqual(palette(green), ['green'], green);
    assert.deepEqual(palette('multi'), ['multicolour']);
    assert.deepEqual(palette('Navy Blue'), ['navy']);
    assert.deepEqual(palette('Rose Gold'), ['gold']);
    assert.deepEqual(palette('light blue'), ['blue']);
  });

  it('ignores case and accents', () => {
    assert.deepEqual(palette('ÉCRU'), ['beige']);
    assert.deepEqual(palette('BORDEAUX'), ['red']);
  });

  it('answers an empty palette for unknown colours and keeps the raw value', () => {
    assert.deepEqual(normaliseColours('Sparkle'), { palette: [], raw: 'Sparkle' });
    assert.deepEqual(palette(''), []);
  });

  it('only ever answers palette slugs, without duplicates', () => {
    const slugs = new Set(PALETTE.map((c) => c.slug));
    fc.assert(
      fc.property(fc.string(), (raw) => {
        const out = normaliseColours(raw);
        assert.equal(out.raw, raw);
        assert.ok(out.palette.every((s) => slugs.has(s)));
        assert.equal(new Set(out.palette).size, out.palette.length);
      }),
    );
  });
});
