export type { PaymentDeclineReason, PaymentOutcome, PaymentProvider, PaymentRequest } from './payments/payment-provider.js';
export { createTestPaymentProvider, testCards } from './payments/test-provider.js';
export { commerceRoutes, type CommerceRoutesOptions } from './commerce.routes.js';
export { createCommerceService, type CommerceDeps, type CommerceService } from './commerce.service.js';
export {
  commerceEvents,
  type BagItemAdded,
  type OrderPlaced,
  type OrderPlacedLine,
  type OrderStatusChanged,
} from './commerce.events.js';
export { bagItems, orderHistory, orderLines, orders, CHANNELS, ORDER_STATUSES, type Channel, type OrderStatus } from './commerce.tables.js';
export type { BagView, CheckoutInput, OrderView } from './commerce.schemas.js';
export { bagLineReasons, bagResponse, type BagLineReason } from './commerce.schemas.js';
export { addLinesToBag, type AddedBagLine, type RefusedBagLine } from './bag-lines.js';
export { FLAT_SHIPPING_MINOR, FREE_SHIPPING_FROM_MINOR, newOrderNumber, shippingFor } from './order-rules.js';
export { checkoutBag, defaultCheckout, fillBag, purchase, type PurchaseOptions, type PurchaseOutcome } from './purchase.js';
