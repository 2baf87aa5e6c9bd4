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
  /** Member photos, from the media module (which depends on social, so it is handed in); without it photos answer 404. */
  photos?: PhotoDirectory;
}

/** What social needs to know about member photos to love, share and comment on them and list them by hashtag. */
export interface PhotoDirectory {
  /** The author of a published photo; null when unknown, removed, or not a photo id. */
  authorOf(id: string): Promise<string | null>;
  /** Captions and image URLs of published photos (those not published are missing). */
  describe(ids: readonly string[]): Promise<Map<string, { caption: string; url: string }>>;
}
