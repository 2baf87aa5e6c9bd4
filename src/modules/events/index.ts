export { DEVICES, EVENT_TYPES, events, type Device, type EventType } from './events.tables.js';
export { recordEvents, type AppEvent } from './record.js';
