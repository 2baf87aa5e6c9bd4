/**
 * How checkout takes money: one interface, a built-in test provider, real providers later. Every
 * call carries an idempotency key so a retried checkout never charges twice.
 */
export interface PaymentRequest {
  /** The same key always answers the same outcome (a retried checkout). */
  idempotencyKey: string;
  amountMinor: number;
  currency: string;
  /** What the member entered; the test provider reads the card number, real ones a token. */
  method: { kind: 'card'; number: string; expiry: string; cvc: string };
  /** Shown on statements and in the provider's dashboard, e.g. the order number. */
  description: string;
}

export type PaymentOutcome =
  | { status: 'authorised'; reference: string }
  | { status: 'declined'; reason: PaymentDeclineReason; message: string };

export type PaymentDeclineReason = 'card_declined' | 'insufficient_funds' | 'expired_card' | 'invalid_card' | 'processing_error';

export interface PaymentProvider {
  readonly name: string;
  /** Reserves the amount on the member's payment method. */
  authorise(request: PaymentRequest): Promise<PaymentOutcome>;
  /** Gives an authorised amount back (cancellations, returns). Idempotent per reference. */
  refund(reference: string, amountMinor: number): Promise<{ status: 'refunded' | 'already_refunded' }>;
}
