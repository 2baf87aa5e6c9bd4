import { Icon } from '../Icon.tsx';

export interface ProductImageProps {
  src: string | null | undefined;
  /** Empty when the product's name is already beside the image. */
  alt: string;
  className?: string;
  /** The first images on a page load eagerly; the rest wait until scrolled near. */
  eager?: boolean;
}

/** A product photo on a fixed 3:4 frame; a quiet placeholder when the product has none. */
export function ProductImage({ src, alt, className, eager = false }: ProductImageProps) {
  const classes = ['product-image', className ?? ''].filter(Boolean).join(' ');
  if (!src) {
    return (
      <span className={`${classes} product-image--none`} role={alt ? 'img' : undefined} aria-label={alt || undefined}>
        <Icon name="photo" size={28} />
      </span>
    );
  }
  return (
    <img
      className={classes}
      src={src}
      alt={alt}
      loading={eager ? 'eager' : 'lazy'}
      decoding="async"
    />
  );
}
