/**
 * The social graph's use cases in one object for the routes and the container: follows and blocks,
 * loves and shares, comments, profiles and their tabs, hashtag pages and cities. Each group lives in
 * its own file; this only puts them together.
 */
import { createCityService } from './cities.js';
import { createCommentService } from './comments.service.js';
import { createGraphService } from './graph.service.js';
import { createHashtagService } from './hashtags.service.js';
import { createInteractionService } from './interactions.service.js';
import { createProfileService } from './profile.service.js';
import type { SocialDeps } from './social.deps.js';

export type { SocialDeps } from './social.deps.js';

/** Builds the social service over a database, the outbox, the catalogue and identity. */
export function createSocialService(deps: SocialDeps) {
  return {
    graph: createGraphService(deps),
    interactions: createInteractionService(deps),
    comments: createCommentService(deps),
    profiles: createProfileService(deps),
    hashtags: createHashtagService(deps),
    cities: createCityService(deps),
  };
}

export type SocialService = ReturnType<typeof createSocialService>;
