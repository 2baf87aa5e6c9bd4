import { useRef, useState, type KeyboardEvent } from 'react';
import { Icon } from '../Icon.tsx';
import { ProductImage } from '../shop/ProductImage.tsx';

export interface ProductGalleryProps {
  images: string[];
  title: string;
}

/**
 * The main photo with thumbnails. The thumbnails are one tab stop: arrow keys move between them
 * (and Home/End jump to the ends), as in a toolbar; the arrows on the photo do the same by touch.
 */
export function ProductGallery({ images, title }: ProductGalleryProps) {
  const [current, setCurrent] = useState(0);
  const thumbs = useRef<(HTMLButtonElement | null)[]>([]);
  const count = images.length;
  const name = (index: number) => (count > 1 ? `${title}, image ${index + 1} of ${count}` : title);

  function show(index: number, focus = false) {
    const next = (index + count) % count;
    setCurrent(next);
    if (focus) thumbs.current[next]?.focus();
  }

  function onKeyDown(event: KeyboardEvent) {
    const moves: Record<string, number> = { ArrowRight: current + 1, ArrowDown: current + 1, ArrowLeft: current - 1, ArrowUp: current - 1, Home: 0, End: count - 1 };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    show(target, true);
  }

  return (
    <div className="gallery">
      <div className="gallery__stage">
        <ProductImage src={images[current]} alt={name(current)} eager className="gallery__image" />
        {count > 1 && (
          <>
            <button type="button" className="gallery__step gallery__step--prev" onClick={() => show(current - 1)}>
              <Icon name="chevronLeft" size={20} />
              <span className="visually-hidden">Previous image</span>
            </button>
            <button type="button" className="gallery__step gallery__step--next" onClick={() => show(current + 1)}>
              <Icon name="chevronRight" size={20} />
              <span className="visually-hidden">Next image</span>
            </button>
          </>
        )}
      </div>
      {count > 1 && (
        <div className="gallery__thumbs" role="toolbar" aria-label="Product images" aria-orientation="horizontal" onKeyDown={onKeyDown}>
          {images.map((src, index) => (
            <button
              key={`${src}-${index}`}
              ref={(element) => {
                thumbs.current[index] = element;
              }}
              type="button"
              className="gallery__thumb"
              aria-pressed={index === current}
              tabIndex={index === current ? 0 : -1}
              onClick={() => show(index)}
            >
              <img src={src} alt={`Image ${index + 1} of ${count}`} loading="lazy" decoding="async" />
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
