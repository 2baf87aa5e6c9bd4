import { SET_DESCRIPTION_MAX, SET_MAX_ITEMS, SET_TITLE_MAX } from '../api/sets.ts';
import type { ProductSet, ProductSummary, SetVisibility } from '../api/types.ts';

/** What to do about the cover on save. */
export type CoverChoice = 'keep' | 'compose' | 'upload';

export interface SetDraft {
  title: string;
  description: string;
  visibility: SetVisibility;
  items: ProductSummary[];
  cover: CoverChoice;
  coverFile: File | null;
}

export type SetDraftField = 'title' | 'description' | 'items' | 'cover';

export const COVER_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif', 'image/avif', 'image/gif', 'image/tiff'];
export const COVER_MAX_BYTES = 10 * 1024 * 1024;

export function emptyDraft(first: ProductSummary | null): SetDraft {
  return { title: '', description: '', visibility: 'public', items: first ? [first] : [], cover: 'compose', coverFile: null };
}

/** An existing set as a draft: an uploaded cover is kept, a composed one is drawn again. */
export function draftOf(set: ProductSet): SetDraft {
  return {
    title: set.title,
    description: set.description ?? '',
    visibility: set.visibility,
    items: set.items.map((item) => item.product),
    cover: set.cover_kind === 'uploaded' ? 'keep' : 'compose',
    coverFile: null,
  };
}

export function checkDraft(draft: SetDraft): Partial<Record<SetDraftField, string>> {
  const errors: Partial<Record<SetDraftField, string>> = {};
  const title = draft.title.trim();
  if (!title) errors.title = 'Give the set a title.';
  else if ([...title].length > SET_TITLE_MAX) errors.title = `Use at most ${SET_TITLE_MAX} characters.`;
  if ([...draft.description.trim()].length > SET_DESCRIPTION_MAX) {
    errors.description = `Use at most ${SET_DESCRIPTION_MAX.toLocaleString()} characters.`;
  }
  if (draft.items.length > SET_MAX_ITEMS) errors.items = `A set holds at most ${SET_MAX_ITEMS} pieces.`;
  if (draft.cover === 'upload') {
    const file = draft.coverFile;
    if (!file) errors.cover = 'Choose a photo for the cover, or compose one from the pieces.';
    else if (file.type && !COVER_TYPES.includes(file.type)) errors.cover = 'Choose a JPEG, PNG, WebP, HEIC, AVIF, GIF or TIFF photo.';
    else if (file.size > COVER_MAX_BYTES) errors.cover = 'Choose a photo under 10 MB.';
  }
  return errors;
}

/** Moves the item at `from` to `to`, keeping the others in order. */
export function moveItem<T>(items: T[], from: number, to: number): T[] {
  if (to < 0 || to >= items.length || from === to) return items;
  const next = [...items];
  const [moved] = next.splice(from, 1);
  if (moved !== undefined) next.splice(to, 0, moved);
  return next;
}
