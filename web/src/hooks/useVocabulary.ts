import { useEffect, useState } from 'react';
import { fetchVocabulary } from '../api/catalog.ts';
import type { CatalogueVocabulary } from '../api/types.ts';

// Loaded once per visit and shared: the palette and the category names hardly ever change.
let loaded: CatalogueVocabulary | null = null;
let pending: Promise<CatalogueVocabulary> | null = null;

/**
 * The catalogue's category and colour names (with swatches), or null until they arrive.
 * Pages fall back to the slugs meanwhile, so nothing waits on this.
 */
export function useVocabulary(): CatalogueVocabulary | null {
  const [vocabulary, setVocabulary] = useState(loaded);
  useEffect(() => {
    if (loaded) return;
    let live = true;
    pending ??= fetchVocabulary().then(
      (answer) => (loaded = answer),
      (error: unknown) => {
        pending = null; // try again on the next page that asks
        throw error;
      },
    );
    pending.then(
      (answer) => live && setVocabulary(answer),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return vocabulary;
}

/** "red" → "Red" when the palette is not known (yet). */
export function titleCase(slug: string): string {
  const words = slug.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
