import { useId, useRef, useState, type FormEvent } from 'react';
import { problemMessage } from '../../api/client.ts';
import { correctPhotoTag } from '../../api/photos.ts';
import type { PhotoProduct, TagCorrection } from '../../api/types.ts';
import { Button } from '../Button.tsx';
import { Notice } from '../Notice.tsx';
import { ProductCard } from '../shop/ProductCard.tsx';
import { TextField } from '../TextField.tsx';
import { confidencePercent } from './ShopThePhotoResults.tsx';

const MAX_REASON = 200;

export interface PhotoTagsProps {
  photoId: string;
  tags: PhotoProduct[];
  /** Signed-in members can say "not this item"; visitors only shop. */
  canCorrect: boolean;
  /** A correction took the tag off the photo. */
  onRemoved: (productId: string, title: string) => void;
}

/** "Shop this look": the pieces tagged on a photo, how each got there, and "Not this item". */
export function PhotoTags({ photoId, tags, canCorrect, onRemoved }: PhotoTagsProps) {
  return (
    <ul className="product-grid photo-tags" aria-label="Pieces in this photo">
      {tags.map(({ product, source, confidence }, index) => (
        <li key={product.id} className="product-grid__item photo-tag">
          <ProductCard product={product} index={index} eager={index < 4} />
          {source === 'recognised' && (
            <p className="photo-tag__source">Recognised{confidence !== null ? ` · ${confidencePercent(confidence)} sure` : ''}</p>
          )}
          {canCorrect && <NotThisItem photoId={photoId} productId={product.id} title={product.title} onRemoved={() => onRemoved(product.id, product.title)} />}
        </li>
      ))}
    </ul>
  );
}

interface NotThisItemProps {
  photoId: string;
  productId: string;
  title: string;
  onRemoved: () => void;
}

/**
 * "Not this item" in two steps (a question with an optional reason, then the answer), so a slip of
 * the thumb corrects nothing. The tag goes when the correction took it off; otherwise we thank them.
 */
function NotThisItem({ photoId, productId, title, onRemoved }: NotThisItemProps) {
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [answer, setAnswer] = useState<TagCorrection | null>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  const reasonRef = useRef<HTMLInputElement>(null);
  const questionId = useId();
  const tooLong = [...reason].length > MAX_REASON;

  if (answer && !answer.removed) {
    return (
      <p className="photo-tag__thanks" role="status">
        Thanks — we’ll check.
      </p>
    );
  }

  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (tooLong) return;
    setBusy(true);
    setProblem(null);
    try {
      const result = await correctPhotoTag(photoId, productId, reason);
      setAnswer(result);
      if (result.removed) onRemoved();
    } catch (error) {
      setProblem(problemMessage(error));
      setBusy(false);
    }
  };

  if (!asking) {
    return (
      <button
        ref={startRef}
        type="button"
        className="link-button photo-tag__correct"
        aria-label={`Not this item: ${title}`}
        onClick={() => {
          setAsking(true);
          requestAnimationFrame(() => reasonRef.current?.focus());
        }}
      >
        Not this item
      </button>
    );
  }
  return (
    <form className="confirm-action photo-tag__form" aria-labelledby={questionId} onSubmit={(event) => void send(event)} noValidate>
      <p id={questionId} className="confirm-action__question">
        {`Is ${title} not in this photo?`}
      </p>
      <TextField
        ref={reasonRef}
        label="Why"
        optional
        hint="For example: it’s the blue one."
        value={reason}
        maxLength={MAX_REASON * 2}
        error={tooLong ? `Keep it under ${MAX_REASON} characters.` : null}
        onChange={(event) => setReason(event.target.value)}
      />
      <div className="confirm-action__buttons">
        <Button type="submit" size="sm" loading={busy} loadingLabel="Sending…">
          Not this item
        </Button>
        <Button
          type="button"
          size="sm"
          variant="ghost"
          disabled={busy}
          onClick={() => {
            setAsking(false);
            setProblem(null);
            requestAnimationFrame(() => startRef.current?.focus());
          }}
        >
          Cancel
        </Button>
      </div>
      {problem && <Notice tone="danger">{problem}</Notice>}
    </form>
  );
}
