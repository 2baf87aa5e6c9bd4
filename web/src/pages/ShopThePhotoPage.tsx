import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { isAbort, problemMessage } from '../api/client.ts';
import type { VisualSearchResult } from '../api/types.ts';
import { SHOP_THE_PHOTO_RESULTS, visualSearch } from '../api/visualSearch.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import { Button } from '../components/Button.tsx';
import { LiveRegion } from '../components/LiveRegion.tsx';
import { Notice } from '../components/Notice.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { FileDrop } from '../components/photos/FileDrop.tsx';
import { MAX_PHOTO_BYTES, PHOTO_HINT } from '../components/photos/PhotoPicker.tsx';
import { confidencePercent, matchedProducts, RegionButtons, ShopThePhotoResults, type PhotoMatch } from '../components/photos/ShopThePhotoResults.tsx';
import { useAnnouncement } from '../hooks/useAnnouncement.ts';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';
import { useProductsById } from '../hooks/useProductsById.ts';

type Search = { status: 'idle' } | { status: 'searching' } | { status: 'failed'; message: string } | { status: 'ready'; result: VisualSearchResult };

/** The garments worth choosing between: only when the search found more than one. */
function choosableRegions(result: VisualSearchResult | null) {
  return result?.regions && result.regions.length > 1 ? result.regions : null;
}

/**
 * Shop the photo: anyone (signed in or not) takes or drops a photo and sees the piece we recognise
 * in it, with how sure we are, and the most similar pieces. When the photo shows several garments,
 * each is a button over the preview. Nothing is posted.
 */
export function ShopThePhotoPage() {
  useDocumentTitle('Shop the photo');
  const { member } = useAuth();
  const [file, setFile] = useState<File | null>(null);
  const [search, setSearch] = useState<Search>({ status: 'idle' });
  const [regionIndex, setRegionIndex] = useState(0);
  const [announcement, announce] = useAnnouncement();
  const running = useRef<AbortController | null>(null);

  useEffect(() => () => running.current?.abort(), []);

  const run = (chosen: File) => {
    running.current?.abort();
    if (chosen.size > MAX_PHOTO_BYTES) {
      setSearch({ status: 'failed', message: 'This photo is larger than 20 MB.' });
      return;
    }
    const controller = new AbortController();
    running.current = controller;
    setSearch({ status: 'searching' });
    setRegionIndex(0);
    announce('Searching the collection…');
    visualSearch(chosen, controller.signal).then(
      (result) => {
        if (!controller.signal.aborted) setSearch({ status: 'ready', result });
      },
      (error: unknown) => {
        if (controller.signal.aborted || isAbort(error)) return;
        setSearch({ status: 'failed', message: problemMessage(error) });
        announce('The search did not work.');
      },
    );
  };

  const choose = (next: File | null) => {
    setFile(next);
    if (next) run(next);
    else {
      running.current?.abort();
      setSearch({ status: 'idle' });
    }
  };

  const result = search.status === 'ready' ? search.result : null;
  const regions = choosableRegions(result);
  const match: PhotoMatch | null = result ? (regions ? (regions[regionIndex] ?? regions[0]!) : result) : null;
  // Every garment's pieces are read at once, so switching between garments is instant.
  const ids = result
    ? (regions ?? [result]).flatMap((m) => [
        ...(m.recognised ? [m.recognised.product_id] : []),
        ...m.results.slice(0, SHOP_THE_PHOTO_RESULTS).map((r) => r.product_id),
      ])
    : [];
  const products = useProductsById(ids);

  // Say what was found once the pieces are read (and again for each garment chosen).
  useEffect(() => {
    if (!match || products.status !== 'ready') return;
    const { found, similar } = matchedProducts(match, products.products);
    const piece = regions ? `Piece ${regionIndex + 1}: ` : '';
    if (found && match.recognised) {
      announce(`${piece}We found it: ${found.title}, ${confidencePercent(match.recognised.confidence)} sure. ${similar.length} similar pieces.`);
    } else if (similar.length > 0) {
      announce(`${piece}${similar.length} similar pieces.`);
    } else {
      announce(`${piece}Nothing like this in the collection yet.`);
    }
    // Announced once per result, garment and read: `match` and `regions` follow from these.
  }, [result, regionIndex, products]);

  return (
    <div className="page shop-photo-page">
      <PageHeader
        eyebrow="Shop the photo"
        title="Found a look you love?"
        lede="Take or choose a photo and we’ll find the piece in our collection, or the ones most like it. Nothing is posted."
      />
      <div className="shop-photo__layout">
        <div className="shop-photo__picker">
          <FileDrop
            file={file}
            onChange={choose}
            label="Take or choose a photo"
            changeLabel="Choose another photo"
            capture="environment"
            hint={PHOTO_HINT}
            previewAlt="The photo you are shopping"
            overlay={regions && <RegionButtons regions={regions} selected={regionIndex} onSelect={setRegionIndex} />}
          />
          {regions && <p className="field__hint">We found {regions.length} pieces: tap one in your photo to shop it.</p>}
          {member ? (
            <p className="shop-photo__aside">
              Wearing it? <Link to="/upload">Post your photo</Link> and your followers can shop it too.
            </p>
          ) : (
            <p className="shop-photo__aside">
              <Link to="/join">Join Coterie</Link> to post your looks and save the pieces you love.
            </p>
          )}
        </div>
        <div className="shop-photo__results" aria-busy={search.status === 'searching' || (result !== null && products.status !== 'ready')}>
          <LiveRegion message={announcement} />
          {search.status === 'idle' && (
            <p className="shop-photo__status">Your results appear here: the piece when we recognise it, and similar pieces below.</p>
          )}
          {search.status === 'searching' && <ShopThePhotoResults match={{ recognised: null, results: [] }} products={{ status: 'loading' }} />}
          {search.status === 'failed' && (
            <Notice tone="danger" title="We couldn’t search with this photo">
              <p>{search.message}</p>
              {file && file.size <= MAX_PHOTO_BYTES && (
                <Button variant="secondary" size="sm" onClick={() => run(file)}>
                  Try again
                </Button>
              )}
            </Notice>
          )}
          {match && <ShopThePhotoResults match={match} products={products} />}
        </div>
      </div>
    </div>
  );
}
