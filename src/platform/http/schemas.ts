import { z } from 'zod';
import { errorCatalogue, type ErrorCode } from './errors.js';

/** The error shape, for the route schemas (and so the OpenAPI document). */
export const errorBody = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(errorCatalogue) as [ErrorCode, ...ErrorCode[]]),
      message: z.string(),
      details: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    }),
  })
  .describe('Error');

/** Response schemas for the error statuses a route can answer, e.g. `...errorResponses(400, 401)`. */
export function errorResponses(...statuses: number[]): Record<number, typeof errorBody> {
  return Object.fromEntries([...statuses, 429, 500].map((s) => [s, errorBody]));
}

export const noContent = z.null().describe('No content');
