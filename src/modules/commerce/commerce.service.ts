import type { Database } from '../../platform/db/index.js';
import type { Outbox } from '../../platform/outbox/index.js';
import { createBagService } from './bag.service.js';
import { createCheckoutService } from './checkout.service.js';
import { createOrdersService } from './orders.service.js';
import type { PaymentProvider } from './payments/payment-provider.js';

export interface CommerceDeps {
  database: Database;
  outbox: Outbox;
  payments: PaymentProvider;
  /** The clock (release dates, history); tests hand in their own. */
  now?: () => Date;
}

/**
 * Bag, checkout and orders. Each use case lives in its own file (bag.service, checkout.service,
 * orders.service); this is the one object the routes and other callers are handed.
 */
export function createCommerceService(deps: CommerceDeps) {
  const full = { ...deps, now: deps.now ?? (() => new Date()) };
  return {
    ...createBagService(full),
    ...createCheckoutService(full),
    ...createOrdersService(full),
    /** The payment provider orders are paid through (its name is on every order). */
    payments: deps.payments,
  };
}

export type CommerceService = ReturnType<typeof createCommerceService>;
