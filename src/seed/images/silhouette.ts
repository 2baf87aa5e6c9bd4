// From a spec to its shape: the family drawer per category.
import type { Shape } from './geometry.js';
import { accessory, bag, hat, jewellery, shoe, watch } from './shapes-accessories.js';
import { jeans, lingerie, shorts, skirt, swimwear, trousers } from './shapes-lower.js';
import { coat, dress, knit, shirt, top } from './shapes-upper.js';
import { CUT_DETAILS, CUTS, type Detail, type ImageCategory, type ProductImageSpec } from './spec.js';

type Drawer = (cut: string, has: (d: Detail) => boolean) => Shape;

const DRAWERS: Record<ImageCategory, Drawer> = {
  dresses: dress,
  tops: top,
  shirts: shirt,
  knitwear: knit,
  'coats-jackets': coat,
  trousers,
  jeans,
  skirts: skirt,
  shorts,
  swimwear,
  lingerie,
  shoes: shoe,
  bags: bag,
  hats: hat,
  jewellery,
  watches: watch,
  accessories: accessory,
};

export function shapeOf(spec: ProductImageSpec): Shape {
  const cuts: readonly string[] = CUTS[spec.category];
  if (!cuts.includes(spec.cut)) throw new Error(`unknown cut "${spec.cut}" for ${spec.category}`);
  const allowed = CUT_DETAILS[spec.cut] ?? [];
  const details = new Set(spec.details.filter((d) => allowed.includes(d)));
  return DRAWERS[spec.category](spec.cut, (d) => details.has(d));
}
