import type { CSSProperties } from 'react';

export interface SkeletonProps {
  /** A CSS width such as "60%"; the default fills the line. */
  width?: string;
  shape?: 'line' | 'block';
  /** For blocks: width / height, e.g. "3 / 4" for a product image. */
  aspectRatio?: string;
}

/** A placeholder shimmer where content is about to appear. Hidden from assistive technology. */
export function Skeleton({ width, shape = 'line', aspectRatio }: SkeletonProps) {
  const style: CSSProperties = {};
  if (width) style.width = width;
  if (aspectRatio) style.aspectRatio = aspectRatio;
  return <span className={`skeleton skeleton--${shape}`} style={style} aria-hidden="true" />;
}
