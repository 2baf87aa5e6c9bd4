import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { accountCount, planEnd, planFor, PLANS, SCALES } from './plan.js';

describe('world plan', () => {
  it('matches the brief: small in seconds, netset the original network', () => {
    const { small, netset } = PLANS;
    assert.equal(small.brands, 40);
    assert.equal(small.products, 1_000);
    assert.equal(small.people.members, 2_000);
    assert.equal(netset.brands, 450);
    assert.equal(netset.products, 20_000);
    assert.equal(netset.people.members, 110_000);
    assert.equal(netset.photos, 54_000);
    assert.ok(netset.interactions > 1_000_000);
    assert.ok(netset.days >= 180 && small.days >= 89);
  });

  it('is well-formed at every scale', () => {
    for (const scale of SCALES) {
      const plan = planFor(scale);
      assert.equal(plan.scale, scale);
      assert.ok(Number.isFinite(Date.parse(plan.start)));
      assert.equal(planEnd(plan) - Date.parse(plan.start), plan.days * 86_400_000);
      assert.ok(accountCount(plan) > plan.people.members + plan.brands);
      for (const share of [plan.people.clientShare, plan.follows.starShare, plan.follows.sameCityShare, plan.transSeasonalShare, plan.travelShare]) {
        assert.ok(share > 0 && share < 1);
      }
      assert.ok(plan.batch.rows > 0 && plan.batch.statementsPerTransaction > 0);
    }
  });

  it('names the known scales when given an unknown one', () => {
    assert.throws(() => planFor('huge'), /small or netset/);
  });
});
