import { z } from 'zod';
import { DEFAULT_K, MAX_K } from './vision.service.js';

export const productParams = z.object({ id: z.string().min(1).max(100) });

const k = z.coerce.number().int().min(1).max(MAX_K).default(DEFAULT_K).describe('How many products to answer');

export const similarQuery = z.object({ k });

const scored = z.object({ product_id: z.string().describe('The catalogue id'), score: z.number().describe('Cosine similarity, higher is closer') });

export const similarResponse = z.object({ results: z.array(scored).describe('Visible products, best first') });

export const visualSearchQuery = z.object({ k: k.optional() });

/** The multipart body, for the OpenAPI document (the route reads the parts itself). */
export const visualSearchBody = z
  .object({
    image: z.custom<unknown>(() => true).meta({ type: 'string', format: 'binary' }).describe('A JPEG, PNG, WebP or AVIF photo up to 20 MB'),
    k: z.string().optional().describe('How many products to answer (default 20)'),
  })
  .nullish();

const recognition = z.object({
  product_id: z.string(),
  confidence: z.number().describe('0..1: the calibrated probability that this is the product in the photo'),
});

const fraction = z.number().min(0).max(1);

export const visualSearchResponse = z.object({
  recognised: recognition.nullable().describe('The exact product when it is recognised (the most certain, when several garments are)'),
  results: z
    .array(scored)
    .describe('Best first: recognised products (score 1), then products like the first one, same category first (score: cosine similarity); without a recognition, the most similar products (score: relative rank score, best 1)'),
  regions: z
    .array(
      z.object({
        box: z.object({ x: fraction, y: fraction, w: fraction, h: fraction }).describe('Where the garment is, as fractions of the photo'),
        recognised: recognition,
        results: z.array(scored).describe('This garment, then products like it'),
      }),
    )
    .describe('Each garment recognised in the photo, so each can be shopped; empty when none is'),
});
