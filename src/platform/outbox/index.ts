export { Outbox, type OutboxOptions, type OutgoingEvent } from './outbox.js';
