export { identityRoutes } from './identity.routes.js';
export { createIdentityService, type IdentityService } from './identity.service.js';
export { identityEvents, type AccountCreated, type AccountKindChanged } from './identity.events.js';
export { authorize, can, requireKind, requireSignedIn, type Action, type OwnedResource } from './policy.js';
export { accounts } from './identity.tables.js';
export { account as accountSchema, handleSchema, type AccountView } from './identity.schemas.js';
export type { HomeCityResolver } from './identity.service.js';
