import { apiRequest } from './client.ts';
import type { Bag } from './types.ts';

type BagAnswer = { bag: Bag };

export async function fetchBag(signal?: AbortSignal): Promise<Bag> {
  return (await apiRequest<BagAnswer>('GET', '/bag', undefined, signal)).bag;
}

/** Adds units of one size; an existing line for the same size grows. */
export async function addToBag(sku: string, quantity = 1): Promise<Bag> {
  return (await apiRequest<BagAnswer>('POST', '/bag/items', { sku, quantity })).bag;
}

export async function setBagQuantity(sku: string, quantity: number): Promise<Bag> {
  return (await apiRequest<BagAnswer>('PUT', `/bag/items/${encodeURIComponent(sku)}`, { quantity })).bag;
}

export async function removeFromBag(sku: string): Promise<Bag> {
  return (await apiRequest<BagAnswer>('DELETE', `/bag/items/${encodeURIComponent(sku)}`)).bag;
}
