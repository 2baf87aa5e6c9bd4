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

export const visualSearchResponse = z.object({
  recognised: z
    .object({ product_id: z.string(), confidence: z.number().describe('0..1') })
    .nullable()
    .describe('The exact product when it is recognised'),
  results: z.array(scored).describe('The most similar visible products, best first'),
});
