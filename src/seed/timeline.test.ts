import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { ContractEvent } from '../modules/events/index.js';
import type { DayActivity } from './activity.js';
import { HOUR_WEIGHTS, isOutOfSeason, seasonAt, seasonClassOf } from './calendar.js';
import { planCatalogue } from './catalogue.js';
import { generateFollows } from './follows.js';
import { generatePeople } from './people.js';
import { planFor } from './plan.js';
import { dayActivity, planTimeline, type Timeline } from './timeline.js';
import { DAY } from './world.js';

// The small world's statistics, from the same timeline `coterie seed` writes (no database needed).
describe('the small world over its three months', () => {
  const plan = planFor('small');
  let timeline: Timeline;
  const days: DayActivity[] = [];
  const events: ContractEvent[] = [];

  before(() => {
    const now = new Date(Date.parse(plan.start) + plan.days * DAY);
    const catalogue = planCatalogue({ seed: 42, brands: plan.brands, products: plan.products, now });
    const people = generatePeople(plan, 42, catalogue.brands);
    timeline = planTimeline(plan, 42, people, generateFollows(plan, 42, people), catalogue);
    for (let d = 0; d < plan.days; d++) days.push(dayActivity(timeline, d));
    for (const day of days) events.push(...day.events);
  });

  const account = (handle: string) => timeline.world.people.accounts[timeline.world.people.byHandle.get(handle)!]!;
  const product = (id: string) => timeline.world.products.find((p) => p.id === id)!;

  it('has the planned interactions, every event inside the period and every id unique', () => {
    const interactions = events.filter((e) => e.type !== 'follow').length;
    assert.ok(Math.abs(interactions - plan.interactions) / plan.interactions < 0.02, `${interactions} interactions`);
    assert.ok(events.every((e) => Date.parse(e.time) >= timeline.world.start && Date.parse(e.time) < timeline.world.end));
    assert.equal(new Set(events.map((e) => e.id)).size, events.length);
  });

  it('concentrates revenue: the top 2% of customers bring 35–45% of it', () => {
    const revenue = new Map<number, number>();
    for (const day of days) for (const o of day.orders) revenue.set(o.account, (revenue.get(o.account) ?? 0) + o.totalMinor);
    const ranked = [...revenue.values()].sort((a, b) => b - a);
    const top = ranked.slice(0, Math.round(ranked.length * 0.02)).reduce((a, b) => a + b, 0);
    const share = top / ranked.reduce((a, b) => a + b, 0);
    assert.ok(share >= 0.35 && share <= 0.45, `top 2% share ${share.toFixed(3)}`);
  });

  it('has members and activity in both hemispheres, and the seasons follow the hemisphere', () => {
    const hemispheres = new Set(events.map((e) => [...timeline.world.cities.values()].find((c) => c.name === e.city)?.hemisphere));
    assert.ok(hemispheres.has('north') && hemispheres.has('south'));
    assert.equal(seasonAt(Date.parse('2026-07-01T00:00:00Z'), 'north'), 'summer');
    assert.equal(seasonAt(Date.parse('2026-07-01T00:00:00Z'), 'south'), 'winter');
  });

  it('buys and photographs out of season at the configured trans-seasonal share', () => {
    let seasonal = 0;
    let out = 0;
    for (const e of events) {
      if ((e.type !== 'purchase' && e.type !== 'photo') || e.product === null) continue;
      const p = product(e.product);
      const cls = seasonClassOf(p.category, p.subcategory);
      const home = seasonAt(Date.parse(e.time), account(e.actor).hemisphere);
      if (cls === 'all' || (home !== 'summer' && home !== 'winter')) continue;
      seasonal++;
      if (isOutOfSeason(cls, home)) out++;
    }
    const share = out / seasonal;
    assert.ok(seasonal > 200, `${seasonal} seasonal purchases and photos`);
    assert.ok(Math.abs(share - plan.transSeasonalShare) < 0.06, `trans-seasonal share ${share.toFixed(3)}`);
  });

  it('travels: about the planned share of everyday posts come from away, with captions saying so', () => {
    const planted = new Set(timeline.planted.photos.map((p) => p.id));
    const posts = timeline.photosByDay.flat().filter((p) => !planted.has(p.id));
    const away = posts.filter((p) => p.cityId !== timeline.world.people.accounts[p.author]!.cityId);
    const share = away.length / posts.length;
    assert.ok(share > plan.travelShare * 0.6 && share < plan.travelShare * 1.5, `travel share ${share.toFixed(3)}`);
    assert.ok(posts.some((p) => /packing for /.test(p.caption)));
  });

  it('browses on phones more than it buys on them', () => {
    const mobile = (e: ContractEvent) => e.device === 'app' || e.device === 'mobile_web';
    const traffic = events.filter((e) => e.type === 'view' || e.type === 'search');
    const sales = events.filter((e) => e.type === 'purchase');
    const trafficShare = traffic.filter(mobile).length / traffic.length;
    const salesShare = sales.filter(mobile).reduce((n, e) => n + e.amountMinor!, 0) / sales.reduce((n, e) => n + e.amountMinor!, 0);
    assert.ok(trafficShare > salesShare + 0.1, `mobile: ${trafficShare.toFixed(2)} of traffic, ${salesShare.toFixed(2)} of sales`);
    assert.ok(sales.some((e) => e.device === 'chat') && sales.some((e) => e.device === 'whatsapp'));
  });

  it('has weekly and daily rhythms: weekends busier than Mondays, evenings busier than small hours', () => {
    const byWeekday = [0, 0, 0, 0, 0, 0, 0];
    const byLocalHour = new Array<number>(24).fill(0);
    for (const e of events) {
      if (e.type === 'follow') continue;
      const time = Date.parse(e.time);
      byWeekday[new Date(time).getUTCDay()]!++;
      const offset = timeline.world.offsets.get(account(e.actor).cityId) ?? 0;
      byLocalHour[new Date(time + offset).getUTCHours()]!++;
    }
    assert.ok(byWeekday[6]! > byWeekday[1]! * 1.2, `Saturday ${byWeekday[6]} vs Monday ${byWeekday[1]}`);
    assert.ok(byLocalHour[20]! > byLocalHour[4]! * 5, `20h ${byLocalHour[20]} vs 4h ${byLocalHour[4]}`);
    assert.equal(HOUR_WEIGHTS.length, 24);
  });

  it('plants the trends: each spreads to many cities after its onset; the decoys stay narrow', () => {
    const { trends, decoys } = timeline.planted;
    assert.deepEqual(trends.map((t) => t.kind), ['product', 'brand', 'hashtag']);
    for (const trend of trends) {
      const matching = events.filter((e) =>
        trend.kind === 'product' ? e.product === trend.key : trend.kind === 'brand' ? e.brand === trend.key : e.hashtags?.includes(trend.key),
      );
      const after = matching.filter((e) => Date.parse(e.time) >= Date.parse(trend.onset));
      const cities = new Set(after.map((e) => e.city));
      const actors = new Set(after.map((e) => e.actor));
      assert.ok(trend.cities.length >= 10 && cities.size >= 10, `${trend.id} reached ${cities.size} cities`);
      assert.ok(actors.size >= 150, `${trend.id} had ${actors.size} actors`);
      // Day one is Milan and Paris; ten cities by the end of day three.
      assert.ok(['Milan', 'Paris'].includes(trend.cities[0]!.city), trend.cities[0]!.city);
      const third = Date.parse(trend.onset) + 3 * 86_400_000;
      assert.ok(trend.cities.filter((c) => Date.parse(c.first_at) < third).length >= 8, JSON.stringify(trend.cities));
    }
    const spam = decoys.find((d) => d.reason === 'one_actor_spam')!;
    const spamEvents = events.filter((e) => e.product === spam.keys[0]!.key && Date.parse(e.time) >= Date.parse(spam.from) && Date.parse(e.time) <= Date.parse(spam.to));
    assert.ok(spamEvents.length >= 250);
    const oneCity = decoys.find((d) => d.reason === 'one_city')!;
    const burst = events.filter((e) => e.product === oneCity.keys[0]!.key && Date.parse(e.time) >= Date.parse(oneCity.from) && Date.parse(e.time) <= Date.parse(oneCity.to));
    assert.deepEqual([...new Set(burst.map((e) => e.city))], ['Seoul']);
    assert.ok(new Set(burst.map((e) => e.actor)).size >= 40);
    const weekly = decoys.find((d) => d.reason === 'weekly_rhythm')!;
    const weekend = events.filter((e) => e.product === weekly.keys[0]!.key && [0, 6].includes(new Date(e.time).getUTCDay())).length;
    const weekdays = events.filter((e) => e.product === weekly.keys[0]!.key && ![0, 6].includes(new Date(e.time).getUTCDay())).length;
    assert.ok(weekend > weekdays * 3, `weekend ${weekend} vs weekdays ${weekdays}`);
  });
});
