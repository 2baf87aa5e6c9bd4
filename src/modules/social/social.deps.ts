import type { Database } from '../../platform/db/index.js';
import type { Outbox } from '../../platform/outbox/index.js';
import type { CatalogService } from '../catalog/index.js';
import type { IdentityService } from '../identity/index.js';

/** What the social use cases run on. */
export interface SocialDeps {
  database: Database;
  outbox: Outbox;
  /** Product cards and visibility (loves, comments, loved products) and brand searches (brand profiles). */
  catalog: Pick<CatalogService, 'getSummaries' | 'search'>;
  /** The account view a profile extends. */
  identity: Pick<IdentityService, 'getAccount'>;
}
