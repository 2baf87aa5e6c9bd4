import { createHash } from 'node:crypto';
import type { PaymentDeclineReason, PaymentOutcome, PaymentProvider, PaymentRequest } from './payment-provider.js';

/**
 * The built-in test provider: no network, outcomes chosen by the card number, so demos and tests
 * can walk every path. Any other number that passes the Luhn check is authorised.
 */
export const testCards: Readonly<Record<string, { outcome: 'authorised' } | { outcome: 'declined'; reason: PaymentDeclineReason }>> = {
  '4242424242424242': { outcome: 'authorised' },
  '5555555555554444': { outcome: 'authorised' },
  '4000000000000002': { outcome: 'declined', reason: 'card_declined' },
  '4000000000009995': { outcome: 'declined', reason: 'insufficient_funds' },
  '4000000000000069': { outcome: 'declined', reason: 'expired_card' },
  '4000000000000119': { outcome: 'declined', reason: 'processing_error' },
};

const declineMessages: Record<PaymentDeclineReason, string> = {
  card_declined: 'The card was declined',
  insufficient_funds: 'The card has insufficient funds',
  expired_card: 'The card has expired',
  invalid_card: 'The card number, expiry or security code is not valid',
  processing_error: 'The payment could not be processed; try again',
};

export function createTestPaymentProvider(now: () => Date = () => new Date()): PaymentProvider {
  const outcomes = new Map<string, { fingerprint: string; outcome: PaymentOutcome }>();
  const refunded = new Set<string>();
  const authorised = new Map<string, number>();

  return {
    name: 'test',
    async authorise(request: PaymentRequest): Promise<PaymentOutcome> {
      // The same key with a different request is a client bug, not a second payment.
      const fingerprint = createHash('sha256')
        .update(JSON.stringify([request.amountMinor, request.currency, request.method.number]))
        .digest('hex');
      const previous = outcomes.get(request.idempotencyKey);
      if (previous) {
        if (previous.fingerprint !== fingerprint) throw new Error('idempotency key reused for a different payment');
        return previous.outcome;
      }
      const outcome = decide(request, now());
      outcomes.set(request.idempotencyKey, { fingerprint, outcome });
      if (outcome.status === 'authorised') authorised.set(outcome.reference, request.amountMinor);
      return outcome;
    },
    async refund(reference: string, amountMinor: number) {
      // The reference carries the amount, as a real provider keeps it on its side: refunds work after a restart.
      const amount = authorised.get(reference) ?? amountInReference(reference);
      if (amount === undefined) throw new Error(`no authorised payment ${reference}`);
      if (amountMinor <= 0 || amountMinor > amount) throw new Error(`cannot refund ${amountMinor} of ${amount}`);
      if (refunded.has(reference)) return { status: 'already_refunded' as const };
      refunded.add(reference);
      return { status: 'refunded' as const };
    },
  };
}

function decide(request: PaymentRequest, today: Date): PaymentOutcome {
  const number = request.method.number.replace(/[\s-]/g, '');
  if (!Number.isInteger(request.amountMinor) || request.amountMinor <= 0) {
    throw new Error(`a payment needs a positive whole amount, got ${request.amountMinor}`);
  }
  if (!/^\d{12,19}$/.test(number) || !passesLuhn(number) || !/^\d{3,4}$/.test(request.method.cvc)) {
    return declined('invalid_card');
  }
  const expiry = /^(0[1-9]|1[0-2])\/(\d{2})$/.exec(request.method.expiry.trim());
  if (!expiry) return declined('invalid_card');
  const endOfMonth = new Date(Date.UTC(2000 + Number(expiry[2]), Number(expiry[1]), 1));
  if (endOfMonth <= today) return declined('expired_card');
  const card = testCards[number];
  if (card?.outcome === 'declined') return declined(card.reason);
  const reference = `test_${createHash('sha256').update(request.idempotencyKey).digest('hex').slice(0, 24)}_${request.amountMinor}`;
  return { status: 'authorised', reference };
}

function amountInReference(reference: string): number | undefined {
  const match = /^test_[0-9a-f]{24}_(\d{1,15})$/.exec(reference);
  return match ? Number(match[1]) : undefined;
}

function declined(reason: PaymentDeclineReason): PaymentOutcome {
  return { status: 'declined', reason, message: declineMessages[reason] };
}

/** The Luhn checksum every card number carries. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}
