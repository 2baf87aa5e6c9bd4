/** The cards every social list shows: an account, and a product as the catalogue shows it. */
import { z } from 'zod';
import { actorKinds } from '../../platform/http/context.js';
import { productSummary } from '../catalog/index.js';

/** Someone in a list (followers, comment authors, set owners, hashtag pages): enough to show and link them. */
export const accountCard = z.object({
  handle: z.string(),
  display_name: z.string(),
  avatar_url: z.string().nullable(),
  kind: z.enum(actorKinds),
  home_city: z.string().nullable().describe('As the member typed it'),
});
export type AccountCard = z.infer<typeof accountCard>;

/** The catalogue's product card. */
export const productCard = productSummary;
