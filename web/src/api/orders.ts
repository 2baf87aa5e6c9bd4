import { apiRequest, requireUuid } from './client.ts';
import type { CheckoutRequest, Order } from './types.ts';

type OrderAnswer = { order: Order };

/**
 * Places an order from the bag. The same `idempotencyKey` on a retry returns the first answer
 * instead of charging twice. Declines answer 402 COT_ERR_PAYMENT_DECLINED; stock that ran out
 * answers 409 with one detail per short SKU (`field: "sku:<sku>"`).
 */
export async function placeOrder(request: CheckoutRequest, idempotencyKey: string): Promise<Order> {
  const answer = await apiRequest<OrderAnswer>('POST', '/checkout', request, undefined, {
    'Idempotency-Key': idempotencyKey,
  });
  return answer.order;
}

export interface OrderPage {
  orders: Order[];
  next: string | null;
}

/** The member's own orders, newest first. */
export async function fetchOrders(cursor?: string | null, signal?: AbortSignal): Promise<OrderPage> {
  const params = new URLSearchParams({ limit: '10' });
  if (cursor) params.set('cursor', cursor);
  return apiRequest<OrderPage>('GET', `/orders?${params.toString()}`, undefined, signal);
}

/** One order; 404 when unknown or not the member's. */
export async function fetchOrder(id: string, signal?: AbortSignal): Promise<Order> {
  requireUuid(id);
  return (await apiRequest<OrderAnswer>('GET', `/orders/${encodeURIComponent(id)}`, undefined, signal)).order;
}

export async function cancelOrder(id: string, reason?: string): Promise<Order> {
  const body = reason ? { reason } : {};
  return (await apiRequest<OrderAnswer>('POST', `/orders/${encodeURIComponent(id)}/cancel`, body)).order;
}
