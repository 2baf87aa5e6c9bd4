import { z } from 'zod';
import { productSummary } from '../catalog/index.js';
import { handleSchema } from '../identity/index.js';
import { accountCard } from '../social/index.js';
import { MAX_CORRECTION_REASON_LENGTH, PHOTO_TAG_SOURCES } from './media.tables.js';

export const photoParams = z.object({ id: z.uuid() });
export const handleParams = z.object({ handle: handleSchema });
export const productParams = z.object({ id: z.string().min(1).max(100) });

export const photoPageQuery = z.object({
  cursor: z.string().max(500).optional().describe('The `next` value of the previous page'),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export type PhotoPageQuery = z.infer<typeof photoPageQuery>;

const photoCity = z.object({ id: z.string(), name: z.string(), country: z.string().describe('ISO 3166-1 alpha-2') });

/** A photo in a list: enough for a thumbnail grid that links to the photo page. */
export const photoSummary = z.object({
  id: z.uuid(),
  url: z.string().describe('/blobs/<key> of the JPEG'),
  thumbnail_url: z.string().describe('/blobs/<key> of a ~320 px JPEG for grids (the full image when the photo has no thumbnail)'),
  feed_url: z.string().describe('/blobs/<key> of a ~1080 px JPEG (the full image when the photo has no feed size)'),
  feed_webp_url: z.string().nullable().describe('/blobs/<key> of the feed size as WebP, when made'),
  width: z.number().int(),
  height: z.number().int(),
  caption: z.string(),
  author: accountCard,
  city: photoCity.nullable().describe('Where it was posted (not always the home city: members travel)'),
  posted_at: z.string().describe('ISO 8601'),
});
export type PhotoSummary = z.infer<typeof photoSummary>;

const region = z.object({ x: z.number(), y: z.number(), w: z.number(), h: z.number() }).describe('Fractions 0..1 of the image');

export const photoView = photoSummary.extend({
  hashtags: z.array(z.string()).describe('Lower case, without #'),
  mentions: z.array(z.string()).describe('Handles of existing accounts the caption mentions'),
  products: z
    .array(
      z.object({
        product: productSummary,
        source: z.enum(PHOTO_TAG_SOURCES).describe('Tagged by the author, or recognised by visual search'),
        region: region.nullable(),
        confidence: z.number().nullable().describe('Recognised tags: how sure visual search was'),
      }),
    )
    .describe('"Shop this look": only the products the viewer can see'),
  loves: z.number().int(),
  loved: z.boolean().describe('The viewer loves it (false when signed out)'),
});
export type PhotoView = z.infer<typeof photoView>;

export const photoResponse = z.object({ photo: photoView });
export const photoPage = z.object({ photos: z.array(photoSummary), next: z.string().nullable() });
export type PhotoPage = z.infer<typeof photoPage>;

/** The multipart body of a new photo, for the OpenAPI document (the route reads the parts itself, as a stream). */
export const photoUploadBody = z
  .object({
    image: z
      .custom<unknown>(() => true)
      .meta({ type: 'string', format: 'binary' })
      .describe('A JPEG, PNG, WebP, AVIF or HEIC/HEIF photo up to 20 MB and 40 million pixels, recognised by its bytes'),
    caption: z.string().max(2200).optional().describe('The caption; #hashtags and @mentions are indexed'),
  })
  .nullish();

/** "Not this item": which tagged product is not in the photo, and optionally why. */
export const tagCorrectionBody = z.object({
  product_id: z.string().min(1, 'must not be empty').max(100).describe('The catalogue id of a product tagged on the photo'),
  reason: z
    .string()
    .trim()
    .max(MAX_CORRECTION_REASON_LENGTH, `must be at most ${MAX_CORRECTION_REASON_LENGTH} characters`)
    .optional()
    .describe('Why, in the member’s words (e.g. "it is the blue one")'),
});

export const tagCorrectionResponse = z.object({
  photo_id: z.uuid(),
  product_id: z.string(),
  removed: z.boolean().describe('The tag is off the photo (and recognition will not put it back)'),
  corrections: z.number().int().describe('How many members have said "not this item" about this tag'),
  reason: z.string().nullable().describe('The reason this member gave'),
  corrected_at: z.string().describe('ISO 8601: when this member first said it'),
});
export type TagCorrectionView = z.infer<typeof tagCorrectionResponse>;
