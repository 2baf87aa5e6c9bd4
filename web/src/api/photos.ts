import { apiRequest, apiUpload, pageQuery, requireUuid } from './client.ts';
import type { PhotoPage, PhotoView, TagCorrection } from './types.ts';

/** A photo page; 404 when unknown, taken down, or its author blocks you. */
export async function fetchPhoto(id: string, signal?: AbortSignal): Promise<PhotoView> {
  requireUuid(id);
  return (await apiRequest<{ photo: PhotoView }>('GET', `/photos/${encodeURIComponent(id)}`, undefined, signal)).photo;
}

/** A member's photos, newest first. */
export async function fetchAccountPhotos(handle: string, cursor: string | null, signal?: AbortSignal): Promise<PhotoPage> {
  return apiRequest<PhotoPage>('GET', `/accounts/${encodeURIComponent(handle)}/photos${pageQuery(cursor, 24)}`, undefined, signal);
}

/** Member photos showing a product, newest first. */
export async function fetchProductPhotos(productId: string, cursor: string | null, signal?: AbortSignal): Promise<PhotoPage> {
  return apiRequest<PhotoPage>('GET', `/products/${encodeURIComponent(productId)}/photos${pageQuery(cursor, 24)}`, undefined, signal);
}

/** The latest photos from every member. */
export async function fetchLatestPhotos(cursor: string | null, signal?: AbortSignal): Promise<PhotoPage> {
  return apiRequest<PhotoPage>('GET', `/photos${pageQuery(cursor, 24)}`, undefined, signal);
}

/** Posts a photo with its caption; answers the new photo's page. */
export async function postPhoto(image: File, caption: string, signal?: AbortSignal): Promise<PhotoView> {
  const form = new FormData();
  // The caption first: the server reads the parts in order and the image is the large one.
  form.append('caption', caption);
  form.append('image', image, image.name || 'photo');
  return (await apiUpload<{ photo: PhotoView }>('/photos', form, signal)).photo;
}

/** "Not this item": tells Coterie a tagged product is not in the photo (signed-in members; idempotent). */
export async function correctPhotoTag(photoId: string, productId: string, reason: string, signal?: AbortSignal): Promise<TagCorrection> {
  requireUuid(photoId);
  const body = reason.trim() ? { product_id: productId, reason: reason.trim() } : { product_id: productId };
  return apiRequest<TagCorrection>('POST', `/photos/${encodeURIComponent(photoId)}/corrections`, body, signal);
}
