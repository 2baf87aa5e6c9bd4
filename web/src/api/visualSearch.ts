import { apiUpload } from './client.ts';
import type { VisualSearchResult } from './types.ts';

/** How many similar pieces "Shop the photo" asks for. */
export const SHOP_THE_PHOTO_RESULTS = 12;

/** Shop the photo: the recognised product (if any) and the most similar pieces. No sign-in needed. */
export async function visualSearch(image: File, signal?: AbortSignal): Promise<VisualSearchResult> {
  const form = new FormData();
  form.append('k', String(SHOP_THE_PHOTO_RESULTS));
  form.append('image', image, image.name || 'photo');
  return apiUpload<VisualSearchResult>('/visual-search', form, signal);
}
