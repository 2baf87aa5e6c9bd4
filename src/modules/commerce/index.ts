export type { PaymentDeclineReason, PaymentOutcome, PaymentProvider, PaymentRequest } from './payments/payment-provider.js';
export { createTestPaymentProvider, testCards } from './payments/test-provider.js';
