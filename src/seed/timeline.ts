/**
 * The period's activity as a timeline: everything that happens, planned from the seed before any row
 * is written, and each day's activity produced on demand (base interactions, the planted trends and
 * decoys, photo posts and their events, follows). The seed writes it day by day; tests read it whole
 * without a database.
 */
import { dailyCounts, generateDay, type DayActivity } from './activity.js';
import { followEvents, followsByDay, mergeDay } from './activity.load.js';
import type { PlannedProduct } from './catalogue.js';
import type { FollowGraph } from './follows.js';
import type { People } from './people.js';
import { photoEvents, planPhotos, type PlannedPhoto } from './photos.plan.js';
import { plantTrends, type Planted } from './planted.js';
import type { WorldPlan } from './plan.js';
import { buildWorld, DAY, type WorldView } from './world.js';

export interface Timeline {
  world: WorldView;
  graph: FollowGraph;
  planted: Planted;
  /** Every photo post, by day. */
  photosByDay: PlannedPhoto[][];
  photoCount: number;
  follows: number[][];
  /** Base interactions per day. */
  counts: number[];
  /** Who loved what so far: a member loves a product once. */
  loved: Set<string>;
}

/** Plans the period for a world: the planted trends first, then photos, then the base interactions' budget. */
export function planTimeline(plan: WorldPlan, seed: number, people: People, graph: FollowGraph, catalogue: { brands: string[]; products: PlannedProduct[] }): Timeline {
  const world = buildWorld(plan, seed, people, catalogue.products);
  const loved = new Set<string>();
  const planted = plantTrends(world, catalogue.brands, loved);
  const photos = [...planPhotos(world, Math.max(0, plan.photos - planted.photos.length), catalogue.brands), ...planted.photos];
  const photosByDay: PlannedPhoto[][] = Array.from({ length: plan.days }, () => []);
  for (const photo of photos) photosByDay[Math.floor((photo.at - world.start) / DAY)]!.push(photo);
  // Follow events ride on top: the plan's interactions are what members do with products and photos.
  const extraEvents =
    photos.reduce((n, p) => n + p.products.length, 0) + [...planted.days.values()].reduce((n, day) => n + day.events.length, 0);
  return {
    world,
    graph,
    planted,
    photosByDay,
    photoCount: photos.length,
    follows: followsByDay(world, graph),
    counts: dailyCounts(world, Math.max(0, plan.interactions - extraEvents)),
    loved,
  };
}

/** Day `d`'s whole activity: call in day order (loves carry over from day to day). */
export function dayActivity(timeline: Timeline, d: number): DayActivity {
  const { world } = timeline;
  const day = generateDay(world, d, timeline.counts[d]!, timeline.loved);
  mergeDay(day, timeline.planted.days.get(d));
  if (world.plan.followEvents) mergeDay(day, { events: followEvents(world, timeline.graph, timeline.follows[d]!) });
  for (const photo of timeline.photosByDay[d]!) mergeDay(day, { events: photoEvents(world, photo, `seed-${world.seed}-ph-${photo.id}`) });
  return day;
}
