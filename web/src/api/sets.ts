import { apiRequest, apiUpload, pageQuery, requireUuid } from './client.ts';
import type { ProductSet, SetBagResult, SetListPage, SetVisibility } from './types.ts';

type SetAnswer = { set: ProductSet };

/** At most this many pieces in one set. */
export const SET_MAX_ITEMS = 50;
export const SET_TITLE_MAX = 120;
export const SET_DESCRIPTION_MAX = 2000;

function setPath(id: string): string {
  requireUuid(id);
  return `/sets/${encodeURIComponent(id)}`;
}

export interface NewSet {
  title: string;
  description?: string | null;
  visibility?: SetVisibility;
  product_ids?: string[];
}

export async function createSet(set: NewSet): Promise<ProductSet> {
  return (await apiRequest<SetAnswer>('POST', '/sets', set)).set;
}

/** One set; 404 when unknown, or private and not the viewer's. */
export async function fetchSet(id: string, signal?: AbortSignal): Promise<ProductSet> {
  return (await apiRequest<SetAnswer>('GET', setPath(id), undefined, signal)).set;
}

export async function updateSet(id: string, changes: Partial<Pick<NewSet, 'title' | 'description' | 'visibility'>>): Promise<ProductSet> {
  return (await apiRequest<SetAnswer>('PATCH', setPath(id), changes)).set;
}

export async function deleteSet(id: string): Promise<void> {
  await apiRequest<void>('DELETE', setPath(id));
}

/** Replaces the set's pieces with these, in this order. */
export async function replaceSetItems(id: string, productIds: string[]): Promise<ProductSet> {
  return (await apiRequest<SetAnswer>('PUT', `${setPath(id)}/items`, { product_ids: productIds })).set;
}

/** Adds one piece at the end (or at `position`). */
export async function addSetItem(id: string, productId: string, position?: number): Promise<ProductSet> {
  const body = position === undefined ? { product_id: productId } : { product_id: productId, position };
  return (await apiRequest<SetAnswer>('POST', `${setPath(id)}/items`, body)).set;
}

export async function uploadSetCover(id: string, cover: File): Promise<ProductSet> {
  const form = new FormData();
  form.append('cover', cover, cover.name);
  return (await apiUpload<SetAnswer>(`${setPath(id)}/cover`, form, undefined, 'PUT')).set;
}

/** A cover drawn from the first pieces' images. */
export async function composeSetCover(id: string): Promise<ProductSet> {
  return (await apiRequest<SetAnswer>('POST', `${setPath(id)}/cover/compose`)).set;
}

/** A profile's sets, newest first; private ones only for their owner. */
export async function fetchAccountSets(handle: string, cursor: string | null, signal?: AbortSignal): Promise<SetListPage> {
  return apiRequest<SetListPage>('GET', `/accounts/${encodeURIComponent(handle)}/sets${pageQuery(cursor, 24)}`, undefined, signal);
}

/**
 * Adds every piece of the set to the bag. `sizes` names the SKU for pieces with several sizes;
 * a piece with one size in stock needs none.
 */
export async function addSetToBag(id: string, sizes: Record<string, string>): Promise<SetBagResult> {
  return apiRequest<SetBagResult>('POST', `${setPath(id)}/add-to-bag`, { sizes });
}
