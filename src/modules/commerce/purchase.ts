/**
 * A whole purchase without HTTP: fill a member's bag and check it out, answering the outcome instead
 * of throwing client errors. For the checkout benchmark, the demo seed and scripted journeys.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { pino } from 'pino';
import type { Actor } from '../../platform/http/context.js';
import { AppError, type ErrorCode } from '../../platform/http/errors.js';
import type { CheckoutInput, OrderView } from './commerce.schemas.js';
import type { CommerceService } from './commerce.service.js';

export interface PurchaseOptions {
  /** Replaces parts of the default checkout (a London address, the test card that succeeds, web). */
  checkout?: Partial<CheckoutInput>;
  idempotencyKey?: string;
  log?: FastifyBaseLogger;
}

export type PurchaseOutcome =
  | { ok: true; order: OrderView; replayed: boolean }
  | { ok: false; status: number; code: ErrorCode; message: string; step: 'bag' | 'checkout' };

/** A checkout that succeeds with the built-in test provider. */
export const defaultCheckout: CheckoutInput = {
  shipping_address: { name: 'Ada Lovelace', line1: '1 Savile Row', city: 'London', postcode: 'W1S 3PR', country: 'GB' },
  payment: { card_number: '4242424242424242', expiry: '12/49', cvc: '123' },
  channel: 'web',
};

const quiet = pino({ level: 'silent' });

function contextFor(actor: Actor, log: FastifyBaseLogger | undefined) {
  return { actor, requestId: randomUUID(), log: log ?? quiet };
}

function refusal(error: unknown, step: 'bag' | 'checkout'): PurchaseOutcome {
  if (error instanceof AppError && error.status < 500) {
    return { ok: false, status: error.status, code: error.code, message: error.message, step };
  }
  throw error;
}

/** Puts `lines` in the actor's bag (adding to what is there); throws on a refusal. */
export async function fillBag(commerce: CommerceService, actor: Actor, lines: readonly { sku: string; quantity: number }[], log?: FastifyBaseLogger): Promise<void> {
  const ctx = contextFor(actor, log);
  for (const line of lines) await commerce.addToBag(ctx, { sku: line.sku, quantity: line.quantity });
}

/** Checks out the actor's bag as it is; a refusal (409, 402, 422 …) comes back as a value. */
export async function checkoutBag(commerce: CommerceService, actor: Actor, options: PurchaseOptions = {}): Promise<PurchaseOutcome> {
  try {
    const result = await commerce.checkout(contextFor(actor, options.log), { ...defaultCheckout, ...options.checkout }, options.idempotencyKey);
    return { ok: true, ...result };
  } catch (error) {
    return refusal(error, 'checkout');
  }
}

/** Puts `lines` in the actor's bag and checks out; a refusal comes back as a value naming the step. */
export async function purchase(
  commerce: CommerceService,
  actor: Actor,
  lines: readonly { sku: string; quantity: number }[],
  options: PurchaseOptions = {},
): Promise<PurchaseOutcome> {
  try {
    await fillBag(commerce, actor, lines, options.log);
  } catch (error) {
    return refusal(error, 'bag');
  }
  return checkoutBag(commerce, actor, options);
}
