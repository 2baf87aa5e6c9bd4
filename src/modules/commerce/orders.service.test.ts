import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestWorld, type TestWorld } from '../../testing.js';
import { addProduct, as, checkoutBody, join, setAccount, statusOf, stockOf, type Member } from './testing.js';

describe('orders over HTTP', () => {
  let world: TestWorld;
  const db = () => world.container.database.db;
  let n = 0;
  let admin: Member;
  let buyer: Member;

  /** A fresh member who bought `quantity` of `sku`; answers the member and the order. */
  async function bought(sku: string, quantity = 1, extra: Record<string, unknown> = {}, member?: Member) {
    const who = member ?? (await join(world.app, `ord.member${++n}`));
    assert.equal((await as(world.app, who).post('/bag/items', { sku, quantity })).statusCode, 200);
    const response = await as(world.app, who).post('/checkout', checkoutBody('4242424242424242', extra));
    assert.equal(response.statusCode, 201, response.body);
    return { member: who, order: response.json().order as { id: string; status: string; number: string; total: { amount_minor: number } } };
  }
  async function staff(handle: string, kind: 'admin' | 'buyer' | 'stylist'): Promise<Member> {
    const member = await join(world.app, handle);
    await setAccount(db(), member.id, { kind });
    return member;
  }

  before(async () => {
    world = await createTestWorld();
    admin = await staff('ord.admin', 'admin');
    buyer = await staff('ord.buyer', 'buyer');
  });
  after(async () => {
    await world.close();
  });

  it('lists your own orders newest first, a page at a time with an opaque cursor', async () => {
    const skus = await addProduct(db(), { id: 'ord-list', sizes: { M: 20 } });
    const first = await bought(skus.M!);
    const member = first.member;
    const ids = [first.order.id];
    for (let i = 0; i < 4; i++) ids.push((await bought(skus.M!, 1, {}, member)).order.id);
    await bought(skus.M!); // someone else's
    const me = as(world.app, member);
    const seen: string[] = [];
    let url = '/orders?limit=2';
    for (let page = 0; page < 5; page++) {
      const response = await me.get(url);
      assert.equal(response.statusCode, 200, response.body);
      const { orders, next } = response.json();
      seen.push(...orders.map((o: { id: string }) => o.id));
      if (!next) break;
      url = `/orders?limit=2&cursor=${encodeURIComponent(next)}`;
    }
    assert.deepEqual(seen, [...ids].reverse(), 'every order once, newest first');
    const bad = await me.get('/orders?cursor=bm90LWEtY3Vyc29y');
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.details[0].field, 'query.cursor');
    assert.equal((await me.get('/orders?limit=500')).statusCode, 400);
  });

  it("shows an order to its owner, staff and the assisting stylist; anyone else gets 404 and cannot cancel it", async () => {
    const skus = await addProduct(db(), { id: 'ord-bola' });
    const stylist = await staff('ord.stylist', 'stylist');
    const otherStylist = await staff('ord.stylist2', 'stylist');
    const { member, order } = await bought(skus['One size']!, 1, { stylist: 'ord.stylist' });
    const stranger = await join(world.app, 'ord.stranger');
    for (const who of [member, admin, buyer, stylist]) {
      const response = await as(world.app, who).get(`/orders/${order.id}`);
      assert.equal(response.statusCode, 200, `${who.handle}: ${response.body}`);
    }
    for (const who of [stranger, otherStylist]) {
      const response = await as(world.app, who).get(`/orders/${order.id}`);
      assert.equal(response.statusCode, 404, who.handle);
      assert.equal(response.json().error.code, 'COT_ERR_NOT_FOUND');
      assert.equal((await as(world.app, who).post(`/orders/${order.id}/cancel`, {})).statusCode, 404);
      assert.equal((await as(world.app, who).post(`/orders/${order.id}/status`, { status: 'shipped' })).statusCode, 404);
    }
    assert.equal((await as(world.app, stranger).get('/orders')).json().orders.length, 0);
    assert.equal((await as(world.app, member).get('/orders/7d0e8a1c-0000-4000-8000-000000000000')).statusCode, 404);
    assert.equal((await as(world.app, member).get('/orders/not-a-uuid')).statusCode, 400);
    assert.equal((await world.app.inject({ method: 'GET', url: `/api/v1/orders/${order.id}` })).statusCode, 401);
    assert.equal((await as(world.app, member).get(`/orders/${order.id}`)).json().order.status, 'paid', 'nothing changed');

    // A client's personal stylist sees and moves their orders too.
    await setAccount(db(), member.id, { stylistId: otherStylist.id });
    assert.equal((await as(world.app, otherStylist).get(`/orders/${order.id}`)).statusCode, 200);
    const shipped = await as(world.app, otherStylist).post(`/orders/${order.id}/status`, { status: 'shipped' });
    assert.equal(shipped.statusCode, 200, shipped.body);
  });

  it('lets the owner cancel before shipping: stock back, sold_out turns live again, refunded once', async () => {
    const skus = await addProduct(db(), { id: 'ord-cancel', sizes: { M: 2 } });
    const { member, order } = await bought(skus.M!, 2);
    assert.equal(await statusOf(db(), 'ord-cancel'), 'sold_out');
    const response = await as(world.app, member).post(`/orders/${order.id}/cancel`, { reason: 'Ordered the wrong size' });
    assert.equal(response.statusCode, 200, response.body);
    const cancelled = response.json().order;
    assert.equal(cancelled.status, 'cancelled');
    assert.deepEqual(cancelled.history.at(-1), { status: 'cancelled', at: cancelled.history.at(-1).at, note: 'Ordered the wrong size' });
    assert.equal(await stockOf(db(), skus.M!), 2);
    assert.equal(await statusOf(db(), 'ord-cancel'), 'live');
    const [row] = await world.container.database.query<{ by_account_id: string }>(
      `select by_account_id from order_history where order_id = $1 and status = 'cancelled'`,
      [order.id],
    );
    assert.equal(row!.by_account_id, member.id, 'who cancelled is recorded');
    const again = await as(world.app, member).post(`/orders/${order.id}/cancel`, {});
    assert.equal(again.statusCode, 409, 'cancelling twice never restocks twice');
    assert.equal(await stockOf(db(), skus.M!), 2);
    const refund = await world.container.commerce.payments.refund(cancelled.payment.reference, order.total.amount_minor);
    assert.equal(refund.status, 'already_refunded', 'the provider already gave the money back');
    const events = await world.container.database.query<{ data: { to: string; refunded_minor: number } }>(
      `select data from outbox where type = 'commerce.order_status_changed' and data->>'order_id' = $1`,
      [order.id],
    );
    assert.deepEqual(
      events.map((e) => [e.data.to, e.data.refunded_minor]),
      [['cancelled', order.total.amount_minor]],
    );
  });

  it('walks the whole lifecycle with staff, refusing illegal moves with 409 and members with 403', async () => {
    const skus = await addProduct(db(), { id: 'ord-life', sizes: { M: 3 } });
    const { member, order } = await bought(skus.M!, 1);
    const asBuyer = as(world.app, buyer);
    const move = (status: string, who = asBuyer, note?: string) => who.post(`/orders/${order.id}/status`, note ? { status, note } : { status });

    const byMember = await move('shipped', as(world.app, member));
    assert.equal(byMember.statusCode, 403);
    assert.equal(byMember.json().error.code, 'COT_ERR_FORBIDDEN');
    assert.equal((await move('delivered')).statusCode, 409, 'paid cannot jump to delivered');
    assert.equal((await move('paid')).statusCode, 409, 'no move to the same status');
    const bogus = await move('lost');
    assert.equal(bogus.statusCode, 400);

    const shipped = await move('shipped', asBuyer, 'DHL 1234');
    assert.equal(shipped.statusCode, 200, shipped.body);
    assert.equal(shipped.json().order.status, 'shipped');
    const late = await as(world.app, member).post(`/orders/${order.id}/cancel`, {});
    assert.equal(late.statusCode, 409, 'too late to cancel once shipped');
    assert.match(late.json().error.message, /shipped cannot become cancelled/);
    assert.equal((await as(world.app, admin).post(`/orders/${order.id}/cancel`, {})).statusCode, 409, 'for staff too');
    assert.equal((await move('returned')).statusCode, 409);

    assert.equal((await move('delivered', as(world.app, admin))).statusCode, 200);
    assert.equal(await stockOf(db(), skus.M!), 2);
    const returned = await move('returned', asBuyer, 'Too small');
    assert.equal(returned.statusCode, 200, returned.body);
    assert.equal(await stockOf(db(), skus.M!), 3, 'a return goes back on the shelf');
    const final = returned.json().order;
    assert.deepEqual(
      final.history.map((h: { status: string; note: string | null }) => [h.status, h.note]),
      [
        ['placed', null],
        ['paid', 'Payment authorised (test)'],
        ['shipped', 'DHL 1234'],
        ['delivered', null],
        ['returned', 'Too small'],
      ],
    );
    assert.equal((await move('cancelled')).statusCode, 409, 'returned is final');
    const refund = await world.container.commerce.payments.refund(final.payment.reference, order.total.amount_minor);
    assert.equal(refund.status, 'already_refunded');
  });

  it('lets staff cancel a paid order and move a placed one to paid', async () => {
    const skus = await addProduct(db(), { id: 'ord-staff', sizes: { M: 3 } });
    const { order } = await bought(skus.M!, 1);
    const cancelled = await as(world.app, buyer).post(`/orders/${order.id}/status`, { status: 'cancelled', note: 'Fraud check failed' });
    assert.equal(cancelled.statusCode, 200);
    assert.equal(await stockOf(db(), skus.M!), 3);

    // An order left placed (its payment taken offline) is moved to paid by staff, without a refund on cancel.
    const second = await bought(skus.M!, 1);
    await world.container.database.query(`update orders set status = 'placed', payment_reference = null where id = $1`, [second.order.id]);
    const paid = await as(world.app, admin).post(`/orders/${second.order.id}/status`, { status: 'paid', note: 'Paid by bank transfer' });
    assert.equal(paid.statusCode, 200, paid.body);
    assert.equal(paid.json().order.payment, null);
    // An API client may cancel with no body at all.
    const cancel = await world.app.inject({ method: 'POST', url: `/api/v1/orders/${second.order.id}/cancel`, headers: { cookie: second.member.cookie } });
    assert.equal(cancel.statusCode, 200, cancel.body);
    assert.equal(await stockOf(db(), skus.M!), 3);
  });
});
