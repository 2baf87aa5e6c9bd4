/**
 * Writes a day of activity in one transaction: the events (through the event log's own bulk insert,
 * as `coterie import events` does, so the relay publishes them like any import), the loves, shares
 * and comments behind them, and the orders with their lines and history. Orders copy title, brand
 * and image from the catalogue at write time, as checkout does. Stock is the catalogue's stock on
 * hand at the end of the period, so past orders do not take it again.
 */
import { sql } from 'drizzle-orm';
import { newOrderNumber, shippingFor } from '../modules/commerce/index.js';
import { insertContractEvents, type ContractEvent } from '../modules/events/index.js';
import type { Tx } from '../platform/db/index.js';
import type { DayActivity, SeedOrder } from './activity.js';
import { Random } from './random.js';
import { DAY, type WorldView } from './world.js';

const json = (rows: unknown[]) => JSON.stringify(rows);

/** Order numbers for the world: drawn from the seed, redrawn on the rare collision. */
export class OrderNumbers {
  private readonly taken = new Set<string>();
  private readonly random: Random;

  constructor(seed: number) {
    this.random = new Random(seed, 'order-numbers');
  }

  next(): string {
    for (;;) {
      const bytes = Buffer.alloc(5);
      bytes.writeUInt32BE(this.random.nextUint32(), 0);
      bytes.writeUInt8(this.random.nextUint32() & 0xff, 4);
      const number = newOrderNumber(bytes);
      if (!this.taken.has(number)) {
        this.taken.add(number);
        return number;
      }
    }
  }
}

/** An order's status at the end of the period, and the history that led there. */
function orderHistory(order: SeedOrder, end: number): { status: string; steps: { status: string; at: number }[] } {
  const steps = [
    { status: 'placed', at: order.at },
    { status: 'paid', at: order.at },
    { status: 'shipped', at: order.at + DAY },
    { status: 'delivered', at: order.at + 3 * DAY },
  ].filter((s) => s.at < end);
  return { status: steps.at(-1)!.status, steps };
}

async function insertOrders(tx: Tx, world: WorldView, orders: readonly SeedOrder[], numbers: OrderNumbers): Promise<void> {
  if (orders.length === 0) return;
  const rows: unknown[] = [];
  const lines: unknown[] = [];
  const history: unknown[] = [];
  for (const order of orders) {
    const account = world.people.accounts[order.account]!;
    const city = world.cities.get(account.cityId)!;
    const shipping = shippingFor(order.totalMinor);
    const { status, steps } = orderHistory(order, world.end);
    rows.push({
      id: order.id,
      number: numbers.next(),
      account_id: account.id,
      status,
      subtotal: order.totalMinor,
      shipping,
      channel: order.channel,
      stylist_id: order.stylistId,
      address: { name: account.displayName, line1: '1 Demo Street', city: city.name, postcode: '00000', country: city.country },
      reference: `seed-${order.id}`,
      at: new Date(order.at).toISOString(),
      updated: new Date(steps.at(-1)!.at).toISOString(),
    });
    order.lines.forEach((l, position) => lines.push({ order_id: order.id, position, product_id: l.product, sku: l.sku, size: l.size, unit: l.unitMinor, quantity: l.quantity }));
    steps.forEach((s, seq) => history.push({ order_id: order.id, seq, status: s.status, at: new Date(s.at).toISOString() }));
  }
  await tx.execute(sql`
    insert into orders (id, number, account_id, status, currency, subtotal_minor, shipping_minor, total_minor, channel, stylist_id,
                        shipping_address, payment_provider, payment_reference, card_last4, created_at, updated_at)
    select r.id, r.number, r.account_id, r.status, 'GBP', r.subtotal, r.shipping, r.subtotal + r.shipping, r.channel, r.stylist_id,
           r.address, 'test', r.reference, '4242', r.at, r.updated
      from jsonb_to_recordset(${json(rows)}::jsonb) as r(id uuid, number text, account_id uuid, status text, subtotal bigint, shipping bigint,
           channel text, stylist_id uuid, address jsonb, reference text, at timestamptz, updated timestamptz)`);
  await tx.execute(sql`
    insert into order_lines (order_id, position, product_id, sku, title, brand, size, image, unit_price_minor, quantity, line_total_minor)
    select r.order_id, r.position, r.product_id, r.sku, p.title, b.name, r.size, '/blobs/' || i.blob_key, r.unit, r.quantity, r.unit * r.quantity
      from jsonb_to_recordset(${json(lines)}::jsonb) as r(order_id uuid, position int, product_id text, sku text, size text, unit bigint, quantity int)
      join products p on p.id = r.product_id
      join brands b on b.id = p.brand_id
      left join product_images i on i.product_id = p.id and i.position = 0`);
  await tx.execute(sql`
    insert into order_history (order_id, seq, status, at)
    select r.order_id, r.seq, r.status, r.at from jsonb_to_recordset(${json(history)}::jsonb) as r(order_id uuid, seq int, status text, at timestamptz)`);
}

/** Writes one day's activity (base, planted and photo events merged by the caller) in the transaction. */
export async function writeDay(tx: Tx, world: WorldView, day: DayActivity, numbers: OrderNumbers): Promise<void> {
  const id = (index: number) => world.people.accounts[index]!.id;
  const at = (ms: number) => new Date(ms).toISOString();
  for (let i = 0; i < day.events.length; i += 5_000) await insertContractEvents(tx, day.events.slice(i, i + 5_000), 'import');
  if (day.loves.length > 0) {
    await tx.execute(sql`
      insert into loves (account_id, target_kind, target_id, created_at)
      select r.a, 'product', r.p, r.t from jsonb_to_recordset(${json(day.loves.map((l) => ({ a: id(l.account), p: l.product, t: at(l.at) })))}::jsonb)
        as r(a uuid, p text, t timestamptz)
      on conflict do nothing`);
  }
  if (day.shares.length > 0) {
    await tx.execute(sql`
      insert into shares (id, account_id, target_kind, target_id, channel, created_at)
      select r.i, r.a, 'product', r.p, r.c, r.t
        from jsonb_to_recordset(${json(day.shares.map((s) => ({ i: s.id, a: id(s.account), p: s.product, c: s.channel, t: at(s.at) })))}::jsonb)
          as r(i uuid, a uuid, p text, c text, t timestamptz)`);
  }
  if (day.comments.length > 0) {
    await tx.execute(sql`
      insert into comments (id, author_id, target_kind, target_id, body, created_at)
      select r.i, r.a, 'product', r.p, r.b, r.t
        from jsonb_to_recordset(${json(day.comments.map((c) => ({ i: c.id, a: id(c.account), p: c.product, b: c.body, t: at(c.at) })))}::jsonb)
          as r(i uuid, a uuid, p text, b text, t timestamptz)`);
  }
  await insertOrders(tx, world, day.orders, numbers);
}

/** Merges extra activity into a day (planted trends, photo and follow events). */
export function mergeDay(into: DayActivity, extra: Partial<DayActivity> | undefined): void {
  if (!extra) return;
  const push = <T>(target: T[], source: readonly T[] | undefined) => {
    for (const item of source ?? []) target.push(item);
  };
  push(into.events, extra.events);
  push(into.loves, extra.loves);
  push(into.shares, extra.shares);
  push(into.comments, extra.comments);
  push(into.orders, extra.orders);
}

/**
 * EIP clients: the top 2% of customers by revenue over the period. Flags them, gives each a personal
 * shopper (their existing one, else a stylist in turn), and returns them with their revenue share.
 */
export async function flagEipClients(
  tx: Tx,
  world: WorldView,
  revenue: ReadonlyMap<number, number>,
): Promise<{ handles: string[]; share: number; customers: number; revenueMinor: number }> {
  const ranked = [...revenue.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const top = ranked.slice(0, Math.max(1, Math.round(ranked.length * 0.02)));
  const total = ranked.reduce((n, [, v]) => n + v, 0);
  const stylists = world.people.accounts.filter((a) => a.kind === 'stylist' && !a.demo);
  const rows = top.map(([index], i) => {
    const account = world.people.accounts[index]!;
    return { id: account.id, stylist: account.stylistId ?? stylists[i % Math.max(1, stylists.length)]?.id ?? null };
  });
  await tx.execute(sql`
    update accounts a set eip = true, stylist_id = coalesce(a.stylist_id, r.stylist)
      from jsonb_to_recordset(${json(rows)}::jsonb) as r(id uuid, stylist uuid)
     where a.id = r.id and a.kind = 'member'`);
  return {
    handles: top.map(([index]) => world.people.accounts[index]!.handle),
    share: total > 0 ? top.reduce((n, [, v]) => n + v, 0) / total : 0,
    customers: ranked.length,
    revenueMinor: total,
  };
}

type Graph = { follower: Int32Array; followee: Int32Array; createdAt: Float64Array; length: number };

/** The follows made during the period, as indices into the graph by day. */
export function followsByDay(world: WorldView, graph: Graph): number[][] {
  const out: number[][] = Array.from({ length: world.plan.days }, () => []);
  for (let i = 0; i < graph.length; i++) {
    const time = graph.createdAt[i]!;
    if (time >= world.start && time < world.end) out[Math.floor((time - world.start) / DAY)]!.push(i);
  }
  return out;
}

/** The `follow` events of some follows (subject: the followed handle). */
export function followEvents(world: WorldView, graph: Graph, indices: readonly number[]): ContractEvent[] {
  return indices.map((i) => {
    const follower = world.people.accounts[graph.follower[i]!]!;
    const city = world.cities.get(follower.cityId)!;
    return {
      id: `seed-${world.seed}-f-${i}`, type: 'follow', time: new Date(graph.createdAt[i]!).toISOString(), actor: follower.handle,
      product: null, brand: null, hashtags: null, city: city.name, country: city.country, device: i % 3 === 0 ? 'web' : 'app',
      channel: null, quantity: null, amountMinor: null, currency: null, subject: world.people.accounts[graph.followee[i]!]!.handle,
    };
  });
}
