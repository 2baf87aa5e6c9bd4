import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { bagOfWords, deserialiseVocabulary, hamming, descriptorWords, InvertedIndex, matchWithinNodes, nodesAt, quantise, serialiseVocabulary, trainVocabulary } from './index.js';
import { ProductWordsIndex } from './words-index.js';

/** Descriptors scattered around `centres` random 256-bit centres, `flips` bits away from theirs. */
function clusteredDescriptors(seed: number, centres: number, perCentre: number, flips: number): { bytes: Uint8Array; centreOf: number[] } {
  let s = seed;
  const next = (): number => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s;
  };
  const bases = Array.from({ length: centres }, () => Uint8Array.from({ length: 32 }, () => next() >>> 24));
  const bytes = new Uint8Array(centres * perCentre * 32);
  const centreOf: number[] = [];
  for (let c = 0; c < centres; c++)
    for (let i = 0; i < perCentre; i++) {
      const d = Uint8Array.from(bases[c]!);
      for (let f = 0; f < flips; f++) {
        const bit = next() >>> 24;
        d[bit >> 3]! ^= 1 << (bit & 7);
      }
      bytes.set(d, centreOf.length * 32);
      centreOf.push(c);
    }
  return { bytes, centreOf };
}

describe('vocabulary tree', () => {
  it('counts Hamming distances between descriptors', () => {
    const a = new Uint8Array(64);
    a[32] = 0b1011;
    a[63] = 0x80;
    const words = descriptorWords(a);
    assert.equal(hamming(words, 0, words, 1), 4);
    assert.equal(hamming(words, 1, words, 1), 0);
  });

  it('puts descriptors of one cluster into one word, is deterministic, and survives serialisation', () => {
    const { bytes, centreOf } = clusteredDescriptors(1, 20, 60, 6);
    const vocabulary = trainVocabulary(bytes, { branching: 5, depth: 2 });
    const again = trainVocabulary(bytes, { branching: 5, depth: 2 });
    assert.deepEqual(serialiseVocabulary(again), serialiseVocabulary(vocabulary));
    assert.ok(vocabulary.leaves > 10 && vocabulary.leaves <= 25, `${vocabulary.leaves} leaves`);
    const words = quantise(vocabulary, bytes);
    // Each cluster should land mostly in one word.
    let agreeing = 0;
    for (let c = 0; c < 20; c++) {
      const counts = new Map<number, number>();
      centreOf.forEach((centre, i) => centre === c && counts.set(words[i]!, (counts.get(words[i]!) ?? 0) + 1));
      agreeing += Math.max(...counts.values());
    }
    assert.ok(agreeing / centreOf.length > 0.9, `only ${agreeing} of ${centreOf.length} descriptors share their cluster's word`);
    const restored = deserialiseVocabulary(serialiseVocabulary(vocabulary));
    assert.deepEqual(quantise(restored, bytes), words);
  });

  it('matches descriptors with their noisy copies, comparing only within vocabulary nodes', () => {
    // Unrelated descriptors are far apart (≈128 bits), as ORB descriptors of different places are.
    const { bytes } = clusteredDescriptors(3, 1000, 1, 0);
    const vocabulary = trainVocabulary(bytes, { branching: 6, depth: 3 });
    // The photo: every 5th descriptor again with 6 bits flipped, in reverse order.
    const picked = Array.from({ length: 200 }, (_, i) => i * 5);
    const photo = new Uint8Array(picked.length * 32);
    picked.forEach((from, i) => {
      const d = bytes.slice(from * 32, from * 32 + 32);
      for (const bit of [3, 40, 77, 130, 201, 250]) d[bit >> 3]! ^= 1 << (bit & 7);
      photo.set(d, (picked.length - 1 - i) * 32);
    });
    const side = (b: Uint8Array) => ({ words: descriptorWords(b), nodes: nodesAt(vocabulary, b, 1) });
    const matches = matchWithinNodes(side(bytes), side(photo), 0.8);
    const right = matches.filter((m) => picked[picked.length - 1 - m.t] === m.q).length;
    assert.ok(right >= 170, `${right} right matches of ${matches.length}`);
    assert.equal(right, matches.length, 'no wrong match');
  });

  it('refuses bytes that are not descriptors or not a vocabulary', () => {
    assert.throws(() => descriptorWords(new Uint8Array(31)), /multiple of 32/);
    assert.throws(() => deserialiseVocabulary(Buffer.from('nonsense, not a tree')), /not a serialised vocabulary/);
  });
});

describe('inverted index', () => {
  it('counts words into a bag', () => {
    const bag = bagOfWords(Int32Array.from([5, 1, 5, 5, 2]));
    assert.deepEqual([...bag.words], [1, 2, 5]);
    assert.deepEqual([...bag.counts], [1, 1, 3]);
  });

  it('ranks the image sharing the most distinctive words first, ignores stop words, and forgets deleted images', () => {
    const index = new InvertedIndex(1000);
    // 60 images: each has 16 words of its own (672…687 are p42's) and word 999, which every image carries (a stop word).
    for (let d = 0; d < 60; d++) index.set(`p${d}`, Int32Array.from([...Array.from({ length: 16 }, (_, i) => d * 16 + i), 999]));
    const query = Int32Array.from([672, 673, 674, 675, 676, 999, 999, 999, 7, 5]);
    const ranked = index.search(query, 5);
    assert.equal(ranked[0]!.productId, 'p42');
    assert.ok(ranked[0]!.score > ranked[1]!.score * 2);
    assert.deepEqual(index.search(Int32Array.from([999]), 5), [], 'a word in every image says nothing');
    index.delete('p42');
    assert.notEqual(index.search(query, 5)[0]?.productId, 'p42');
    assert.throws(() => index.set('bad', Int32Array.from([1000])), /outside the vocabulary/);
  });

  it('counts a photo’s repeated word once: a tiled backdrop does not outvote the garment', () => {
    const index = new InvertedIndex(1000);
    for (let d = 0; d < 60; d++) index.set(`p${d}`, Int32Array.from(Array.from({ length: 16 }, (_, i) => d * 16 + i)));
    // p3 carries the backdrop's word (48) once; p7's own words 112…115 are in the photo once each.
    const photo = Int32Array.from([...Array.from({ length: 200 }, () => 48), 112, 113, 114, 115]);
    assert.equal(index.search(photo, 1)[0]!.productId, 'p7');
  });

  it('persists a product words index and reloads it only with the same space and vocabulary', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'coterie-words-'));
    try {
      const { bytes } = clusteredDescriptors(2, 12, 30, 5);
      const vocabulary = trainVocabulary(bytes, { branching: 4, depth: 2 });
      const saved = new ProductWordsIndex(folder, 'space-a', 1, vocabulary);
      saved.upsert('a', bytes.subarray(0, 32 * 60), 'v1');
      saved.upsert('b', bytes.subarray(32 * 60, 32 * 120), 'v2');
      saved.markWithoutFeatures('c', 'v3');
      await saved.save();
      const loaded = new ProductWordsIndex(folder, 'space-a', 1, vocabulary);
      assert.equal(await loaded.load(), true);
      assert.equal(loaded.size, 2);
      assert.equal(loaded.versions.get('b'), 'v2');
      const words = loaded.wordsOf(bytes.subarray(32 * 60, 32 * 90));
      assert.deepEqual(loaded.search(words, 2), saved.search(words, 2));
      assert.equal(await new ProductWordsIndex(folder, 'space-b', 1, vocabulary).load(), false);
      assert.equal(await new ProductWordsIndex(folder, 'space-a', 2, vocabulary).load(), false);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
