import type { AlertActionKind, AlertState, AlertStatus, Region, TrendKind } from '../../api/trends.ts';
import type { BadgeTone } from '../Badge.tsx';

/** The radar's vocabulary as a buyer reads it; the API's slugs never reach the screen. */

export const kindLabels: Record<TrendKind, string> = {
  product: 'Product',
  brand: 'Brand',
  category_colour: 'Category × colour',
  hashtag: 'Hashtag',
};

export const regionLabels: Record<Region, string> = {
  europe: 'Europe',
  americas: 'Americas',
  asia_pacific: 'Asia Pacific',
  middle_east_africa: 'Middle East & Africa',
};

export const statusLooks: Record<AlertStatus, { label: string; tone: BadgeTone }> = {
  new: { label: 'New', tone: 'accent' },
  acknowledged: { label: 'Acknowledged', tone: 'ink' },
  reordered: { label: 'Reordered', tone: 'success' },
  dismissed: { label: 'Dismissed', tone: 'neutral' },
};

export const stateLabels: Record<AlertState, string> = {
  active: 'Rising',
  cooling: 'Cooling',
  expired: 'Expired',
};

export const actionLabels: Record<AlertActionKind, string> = {
  acknowledge: 'Acknowledged',
  reorder: 'Reordered',
  dismiss: 'Dismissed',
};

/** Event types as the counts name them, in the order a buyer weighs them. */
const COUNT_ORDER = ['purchase', 'add_to_bag', 'photo', 'love', 'share', 'comment', 'view', 'search', 'follow'];
const countLabels: Record<string, string> = {
  purchase: 'Bought',
  add_to_bag: 'Added to bag',
  photo: 'Photographed',
  love: 'Loved',
  share: 'Shared',
  comment: 'Commented',
  view: 'Viewed',
  search: 'Searched',
  follow: 'Followed',
};

export function countLabel(type: string): string {
  return countLabels[type] ?? type.replace(/_/g, ' ');
}

/** The counts in a buyer's order of weight, unknown types last. */
export function orderedCounts(counts: Record<string, number>): [string, number][] {
  const rank = (type: string) => {
    const at = COUNT_ORDER.indexOf(type);
    return at === -1 ? COUNT_ORDER.length : at;
  };
  return Object.entries(counts).sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
}

/** A score as the radar shows it: one decimal, so close alerts stay tellable apart. */
export function formatScore(score: number): string {
  return score.toLocaleString(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

/** 0.234 → "23%". */
export function formatShare(share: number): string {
  return share.toLocaleString(undefined, { style: 'percent', maximumFractionDigits: 0 });
}

const countryNames = (() => {
  try {
    return new Intl.DisplayNames(undefined, { type: 'region' });
  } catch {
    return null;
  }
})();

/** "GB" → "United Kingdom" in the buyer's language. */
export function countryName(code: string): string {
  return countryNames?.of(code.toUpperCase()) ?? code;
}
