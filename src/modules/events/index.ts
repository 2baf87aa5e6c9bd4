export { DEVICES, EVENT_TYPES, events, type Device, type EventType } from './events.tables.js';
export { eventContext, recordEvents, type AppEvent } from './record.js';
export { checkEvent, type ContractEvent, MAX_BATCH } from './contract.js';
export { listEvents, loggedEventOf, type ListEventsQuery, type LoggedEvent } from './events.read.js';
export { EventRelay, type EventRelayOptions } from './events.relay.js';
export { createEventsService, type EventsDeps, type EventsService } from './events.service.js';
export { eventsRoutes, type EventsRoutesOptions } from './events.routes.js';
export { EventFileError, eventFileSize, importEventFile, type ImportEventsOptions, type ImportEventsResult } from './import-file.js';
export { insertContractEvents, type InsertOutcome } from './events.repository.js';
