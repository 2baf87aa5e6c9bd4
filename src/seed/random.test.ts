import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Random, WeightedSampler, zipfWeights } from './random.js';

const seedArb = fc.integer({ min: 0, max: 2 ** 31 - 1 });

function draws(random: Random, n: number): number[] {
  return Array.from({ length: n }, () => random.nextUint32());
}

describe('Random', () => {
  it('gives the same sequence for the same seed and label', () => {
    fc.assert(
      fc.property(seedArb, fc.string({ maxLength: 12 }), (seed, label) => {
        assert.deepEqual(draws(new Random(seed, label), 50), draws(new Random(seed, label), 50));
        assert.deepEqual(new Random(seed).fork(label).uuid(), new Random(seed).fork(label).uuid());
      }),
    );
  });

  it('gives different sequences for different seeds and for different forks', () => {
    fc.assert(
      fc.property(seedArb, seedArb, (a, b) => {
        fc.pre(a !== b);
        assert.notDeepEqual(draws(new Random(a), 8), draws(new Random(b), 8));
      }),
    );
    const root = new Random(42);
    assert.notDeepEqual(draws(root.fork('people'), 8), draws(root.fork('follows'), 8));
  });

  it('is pinned: seed 42 starts the same way on every machine', () => {
    assert.deepEqual(draws(new Random(42), 3), [299891556, 3126286055, 3275538653]);
    assert.equal(new Random(42).uuid(), '11dffb64-ba57-46e7-833c-c0ddff5f0ed6');
  });

  it('keeps int, float, next and pick in their ranges', () => {
    fc.assert(
      fc.property(seedArb, fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 0, max: 1000 }), (seed, min, span) => {
        const r = new Random(seed);
        for (let i = 0; i < 50; i++) {
          const n = r.int(min, min + span);
          assert.ok(Number.isInteger(n) && n >= min && n <= min + span);
          const x = r.next();
          assert.ok(x >= 0 && x < 1);
          const f = r.float(min, min + span + 1);
          assert.ok(f >= min && f < min + span + 1);
        }
        const list = ['a', 'b', 'c'];
        assert.ok(list.includes(r.pick(list)));
      }),
    );
  });

  it('never picks a zero weight and shuffles to a permutation', () => {
    fc.assert(
      fc.property(seedArb, fc.array(fc.nat(5), { minLength: 1, maxLength: 20 }), (seed, weights) => {
        fc.pre(weights.some((w) => w > 0));
        const r = new Random(seed);
        const sampler = new WeightedSampler(weights);
        for (let i = 0; i < 30; i++) {
          assert.ok((weights[r.weightedIndex(weights)] ?? 0) > 0);
          assert.ok((weights[sampler.sample(r)] ?? 0) > 0);
        }
        const items = weights.map((_, i) => i);
        assert.deepEqual([...r.shuffle(items)].sort((x, y) => x - y), items);
      }),
    );
  });

  it('draws Pareto above its minimum, Zipf ranks in range, Poisson counts ≥ 0', () => {
    fc.assert(
      fc.property(seedArb, (seed) => {
        const r = new Random(seed);
        for (let i = 0; i < 20; i++) {
          assert.ok(r.pareto(3, 1.5) >= 3);
          const k = r.zipf(10, 1.1);
          assert.ok(Number.isInteger(k) && k >= 0 && k < 10);
          assert.ok(r.poisson(4) >= 0 && r.poisson(50) >= 0);
          assert.ok(Number.isFinite(r.normal()));
        }
      }),
    );
  });

  it('has a sensible mean and a heavy Zipf head', () => {
    const r = new Random(7);
    let sum = 0;
    for (let i = 0; i < 20000; i++) sum += r.normal(10, 2);
    assert.ok(Math.abs(sum / 20000 - 10) < 0.1);
    const sampler = new WeightedSampler(zipfWeights(1000, 1));
    let head = 0;
    for (let i = 0; i < 20000; i++) if (sampler.sample(r) < 10) head++;
    assert.ok(head / 20000 > 0.3, `top 1% of ranks drew ${head / 20000}`);
  });

  it('makes well-formed, distinct version-4 UUIDs', () => {
    const r = new Random(1);
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const id = r.uuid();
      assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      seen.add(id);
    }
    assert.equal(seen.size, 2000);
  });
});
