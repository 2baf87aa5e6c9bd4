import { z } from 'zod';
import { accountSchema, handleSchema } from '../identity/index.js';
import { accountCard, productCard } from './cards.js';
import { SHARE_CHANNELS, TARGET_KINDS } from './social.tables.js';
import { HASHTAG_MAX } from './text-parser.js';

// ---------------------------------------------------------------- shared pieces

export { accountCard, type AccountCard } from './cards.js';

export const handleParams = z.object({ handle: handleSchema });
export const productParams = z.object({ id: z.string().min(1).max(100) });
export const uuidParams = z.object({ id: z.uuid() });
export const brandParams = z.object({ slug: z.string().min(1).max(100) });

const cursor = z.string().max(500).optional().describe('The `next` value of the previous page');
export const pageQuery = z.object({ cursor, limit: z.coerce.number().int().min(1).max(100).default(50) });
export type PageQuery = z.infer<typeof pageQuery>;

export const productPage = z.object({ results: z.array(productCard), next: z.string().nullable() });
export type ProductPage = z.infer<typeof productPage>;

// ---------------------------------------------------------------- profiles and the graph

const followCounts = z.object({ followers: z.number().int(), following: z.number().int() });

export const cityInfo = z.object({
  id: z.string(),
  name: z.string(),
  country: z.string().describe('ISO 3166-1 alpha-2'),
  hemisphere: z.enum(['north', 'south']),
});

export const profile = accountSchema.extend({
  counts: followCounts.extend({
    loves: z.number().int().describe('Products the account loves'),
    sets: z.number().int().describe('Sets the viewer can see'),
  }),
  viewer: z
    .object({
      follows: z.boolean().describe('The viewer follows this account'),
      blocked: z.boolean().describe('The viewer blocks this account'),
      blocks_you: z.boolean().describe('This account blocks the viewer (only admins can see such a profile)'),
    })
    .nullable()
    .describe('Null when signed out'),
  home_city_info: cityInfo.nullable().describe('The city `home_city` resolved to; null while unknown'),
  brand_slug: z.string().nullable().describe('Brand accounts: the catalogue brand they speak for; null otherwise'),
});
export type Profile = z.infer<typeof profile>;
export const profileResponse = z.object({ account: profile });

export const followResponse = z.object({ following: z.boolean(), counts: followCounts.describe("The followed account's counts") });
export type FollowAnswer = z.infer<typeof followResponse>;

export const followListResponse = z.object({
  accounts: z.array(accountCard.extend({ followed_at: z.string().describe('ISO 8601') })),
  next: z.string().nullable(),
  total: z.number().int(),
});
export type FollowList = z.infer<typeof followListResponse>;

export const blockResponse = z.object({ blocked: z.boolean() });
export const blocksResponse = z.object({ accounts: z.array(accountCard) });

export const brandAccountBody = z.object({ handle: handleSchema.describe('A brand account') });
export const brandAccountResponse = z.object({ brand_slug: z.string(), account: accountCard });

// ---------------------------------------------------------------- loves, shares, comments

export const loveResponse = z.object({ loved: z.boolean(), loves: z.number().int() });
export type LoveAnswer = z.infer<typeof loveResponse>;

export const shareBody = z.object({ channel: z.enum(SHARE_CHANNELS).describe('Where it was shared to') });
export const shareResponse = z.object({
  share: z.object({ id: z.uuid(), channel: z.enum(SHARE_CHANNELS), url: z.string().describe('The path of the shared page, e.g. /products/CT-1') }),
});
export type ShareView = z.infer<typeof shareResponse>['share'];

export const COMMENT_MAX = 2000;
export const commentBody = z.object({
  body: z.string().trim().min(1, 'must not be empty').max(COMMENT_MAX, `must be at most ${COMMENT_MAX} characters`).describe('@handles and #hashtags in it are indexed'),
});

export const comment = z.object({
  id: z.uuid(),
  author: accountCard,
  body: z.string(),
  created_at: z.string(),
  mentions: z.array(z.string()).describe('Handles of existing accounts the body mentions'),
  hashtags: z.array(z.string()).describe('Lower case, without #'),
  can_delete: z.boolean(),
});
export type CommentView = z.infer<typeof comment>;
export const commentResponse = z.object({ comment });
export const commentsResponse = z.object({ comments: z.array(comment), next: z.string().nullable() });
export type CommentPage = z.infer<typeof commentsResponse>;

// ---------------------------------------------------------------- hashtags and cities

export const hashtagParams = z.object({
  tag: z.string().min(1).max(HASHTAG_MAX * 4 + 1).describe('With or without the leading #; any case'),
});

export const hashtagItem = z.object({
  kind: z.enum(['comment', 'set', 'photo']),
  id: z.string(),
  created_at: z.string(),
  by: accountCard,
  text: z.string().describe("The comment's body, the set's description or the photo's caption"),
  target: z.object({ kind: z.enum(TARGET_KINDS), id: z.string() }).nullable().describe('What a comment is about; null for sets and photos'),
  image_url: z.string().nullable().describe('Photos: /blobs/<key> of the image; null otherwise'),
});
export type HashtagItem = z.infer<typeof hashtagItem>;
export const hashtagResponse = z.object({
  tag: z.string(),
  count: z.number().int().describe('Everything carrying the tag that the viewer can see'),
  items: z.array(hashtagItem),
  next: z.string().nullable(),
});
export type HashtagPage = z.infer<typeof hashtagResponse>;

export const citiesQuery = z.object({
  q: z.string().max(80).optional().describe('The start of a name or a known spelling ("NYC", "Sao Paulo")'),
  limit: z.coerce.number().int().min(1).max(200).default(20),
});
export const city = cityInfo.extend({ timezone: z.string().describe('IANA zone'), latitude: z.number(), longitude: z.number() });
export const citiesResponse = z.object({ cities: z.array(city) });
