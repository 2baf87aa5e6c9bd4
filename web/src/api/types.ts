/**
 * The shapes the Coterie API answers with, as the web app relies on them.
 * Kept by hand (web/ never imports src/); the server's OpenAPI document at /api/v1/openapi.json is
 * the reference when they disagree.
 */

export type AccountKind = 'member' | 'brand' | 'editor' | 'celebrity' | 'stylist' | 'buyer' | 'admin';

/** Anyone on the network as others see them. */
export interface Account {
  id: string;
  handle: string;
  kind: AccountKind;
  display_name: string;
  avatar_url: string | null;
  bio: string | null;
  home_city: string | null;
  created_at: string;
}

/** The signed-in member, who also sees their own email. */
export interface Me extends Account {
  email: string;
}

export interface ApiErrorDetail {
  /** Where the problem is, e.g. `body.handle`. */
  field?: string;
  message: string;
}

export interface ApiErrorBody {
  error: {
    code: string;
    message: string;
    details?: ApiErrorDetail[];
  };
}

/* ------------------------------------------------------------------ Shop */

/** An amount in the currency's minor unit (pence, cents; yen have none) and its ISO 4217 code. */
export interface Money {
  amount_minor: number;
  currency: string;
}

export type ProductStatus = 'draft' | 'early_access' | 'live' | 'sold_out' | 'archived';

export interface Variant {
  sku: string;
  size: string;
  stock: number;
}

/** A product as search results and grids show it. `images` are URLs such as /blobs/<key>. */
export interface ProductSummary {
  id: string;
  title: string;
  brand: string;
  brand_slug: string;
  category: string;
  subcategory: string | null;
  /** Palette slugs, the main colour first. */
  colours: string[];
  status: ProductStatus;
  price: Money;
  sale_price: Money | null;
  images: string[];
  variants: Variant[];
  in_stock: boolean;
  release_at: string | null;
}

export interface BrandInfo {
  name: string;
  slug: string;
  logo_url: string | null;
  story: string | null;
}

/** A member's photo recognised as this product. */
export interface MemberPhoto {
  id: string;
  url: string;
}

/** A visually similar product, best first. */
export interface SimilarProduct {
  product_id: string;
  score: number;
}

export interface ProductDetail extends ProductSummary {
  description: string | null;
  colour_raw: string | null;
  materials: string[];
  pattern: string | null;
  gender: string | null;
  age_group: string | null;
  link: string | null;
  brand_info: BrandInfo;
  /** Whether the signed-in member may buy it now (false for visitors). */
  can_buy: boolean;
  similar: SimilarProduct[];
  member_photos: MemberPhoto[];
  /**
   * How many members love it, and whether the signed-in member does. Not in the agreed catalogue
   * shape yet: the product page shows the heart without a count until these arrive.
   */
  loves?: number;
  loved?: boolean;
}

export interface FacetValue {
  value: string;
  label: string;
  count: number;
}

export interface ColourFacetValue extends FacetValue {
  /** Null for multicolour, which has no single swatch. */
  hex: string | null;
}

export interface ProductFacets {
  brand: FacetValue[];
  category: FacetValue[];
  subcategory: FacetValue[];
  colour: ColourFacetValue[];
  size: FacetValue[];
  price: { min_minor: number | null; max_minor: number | null; currency: string | null };
  on_sale: number;
}

export interface ProductSearchResult {
  results: ProductSummary[];
  next: string | null;
  total: number;
  facets: ProductFacets;
}

export interface CatalogueColour {
  slug: string;
  name: string;
  hex: string | null;
}

export interface CatalogueCategory {
  slug: string;
  name: string;
  subcategories: { slug: string; name: string }[];
}

export interface CatalogueVocabulary {
  categories: CatalogueCategory[];
  colours: CatalogueColour[];
}

export type BagLineReason = 'sold_out' | 'not_enough_stock' | 'not_available';

export interface BagLine {
  sku: string;
  product_id: string;
  title: string;
  brand: string;
  size: string;
  image: string | null;
  unit_price: Money;
  quantity: number;
  line_total: Money;
  stock: number;
  available: boolean;
  reason: BagLineReason | null;
}

export interface Bag {
  lines: BagLine[];
  /** Units, not lines. */
  count: number;
  subtotal: Money | null;
  problems: { sku: string; reason: BagLineReason }[];
}

export interface ShippingAddress {
  name: string;
  line1: string;
  line2?: string | null;
  city: string;
  postcode: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  phone?: string | null;
}

export interface CheckoutRequest {
  shipping_address: ShippingAddress;
  payment: { card_number: string; expiry: string; cvc: string };
  channel?: 'web' | 'app' | 'chat' | 'whatsapp';
}

export type OrderStatus = 'placed' | 'paid' | 'shipped' | 'delivered' | 'cancelled' | 'returned';

export interface OrderLine {
  product_id: string;
  sku: string;
  title: string;
  brand: string;
  size: string;
  image: string | null;
  unit_price: Money;
  quantity: number;
  line_total: Money;
}

export interface Order {
  id: string;
  number: string;
  status: OrderStatus;
  created_at: string;
  currency: string;
  subtotal: Money;
  shipping: Money;
  total: Money;
  channel: string;
  stylist: string | null;
  conversation_id: string | null;
  shipping_address: ShippingAddress;
  lines: OrderLine[];
  history: { status: OrderStatus; at: string; note: string | null }[];
  /** Null until the payment is authorised. */
  payment: { provider: string; reference: string; card_last4: string | null } | null;
}

export interface ImportRowError {
  line: number;
  field: string;
  reason: string;
}

export interface ImportReport {
  id: string;
  /** The feed's file name. */
  source: string;
  status: 'running' | 'completed' | 'failed';
  started_at: string;
  finished_at: string | null;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  errors: ImportRowError[];
  failure: string | null;
}

/* ---------------------------------------------------------------- Social */

/** Someone in a list (followers, comment authors, set owners): enough to show and link them. */
export interface AccountCard {
  handle: string;
  display_name: string;
  avatar_url: string | null;
  kind: AccountKind;
  home_city: string | null;
}

export interface CityInfo {
  id: string;
  name: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  hemisphere: 'north' | 'south';
}

export interface ProfileCounts {
  followers: number;
  following: number;
  loves: number;
  sets: number;
}

/** How the signed-in member stands with the profile they are looking at. */
export interface ViewerRelation {
  follows: boolean;
  blocked: boolean;
  blocks_you: boolean;
}

/** A profile page's account: the account plus its counts and the viewer's relation to it. */
export interface Profile extends Account {
  counts: ProfileCounts;
  /** Null when signed out. */
  viewer: ViewerRelation | null;
  home_city_info: CityInfo | null;
  /** Brand accounts: the catalogue brand they speak for. */
  brand_slug?: string | null;
}

export interface FollowAnswer {
  following: boolean;
  counts: { followers: number; following: number };
}

export interface FollowerCard extends AccountCard {
  followed_at: string;
}

export interface AccountListPage {
  accounts: FollowerCard[];
  next: string | null;
  total: number;
}

export interface LoveAnswer {
  loved: boolean;
  loves: number;
}

export type ShareChannel = 'link' | 'whatsapp' | 'instagram' | 'email' | 'message';

export interface Share {
  id: string;
  channel: ShareChannel;
  /** The shared page's path, e.g. /products/CT-DRESS-1. */
  url: string;
}

/** What loves, shares and comments can be about. */
export type TargetKind = 'product' | 'set' | 'photo';

export interface Comment {
  id: string;
  author: AccountCard;
  body: string;
  created_at: string;
  /** Handles of the accounts the body mentions (only real ones). */
  mentions: string[];
  /** Tags the body carries, lower case and without the #. */
  hashtags: string[];
  can_delete: boolean;
}

export interface CommentPage {
  comments: Comment[];
  next: string | null;
}

export interface HashtagItem {
  kind: 'comment' | 'set' | 'photo';
  id: string;
  created_at: string;
  by: AccountCard;
  text: string;
  /** What a comment is about; null for sets and photos, which are pages themselves. */
  target: { kind: TargetKind; id: string } | null;
  /** Photos: the image (/blobs/<key>); null for comments and sets. */
  image_url: string | null;
}

export interface HashtagPage {
  tag: string;
  count: number;
  items: HashtagItem[];
  next: string | null;
}

/** A page of products (a profile's loves, a brand's products). */
export interface ProductPage {
  results: ProductSummary[];
  next: string | null;
}

/* ------------------------------------------------------------------ Sets */

export type SetVisibility = 'public' | 'private';

export interface SetItem {
  position: number;
  product: ProductSummary;
}

/** A set (a look): an ordered group of products with a cover. */
export interface ProductSet {
  id: string;
  owner: AccountCard;
  title: string;
  description: string | null;
  visibility: SetVisibility;
  cover_url: string | null;
  cover_kind: 'uploaded' | 'composed' | null;
  /** In order; pieces the viewer cannot see are left out. */
  items: SetItem[];
  loves: number;
  loved: boolean;
  created_at: string;
  updated_at: string;
  can_edit: boolean;
}

/** A set in a list: no items, but how many and the first few images. */
export interface SetSummary extends Omit<ProductSet, 'items'> {
  item_count: number;
  previews: string[];
}

export interface SetListPage {
  sets: SetSummary[];
  next: string | null;
}

export type SetSkipReason = 'sold_out' | 'not_available' | 'choose_size' | 'not_enough_stock';

export interface SetBagResult {
  added: { product_id: string; sku: string }[];
  skipped: { product_id: string; reason: SetSkipReason }[];
  bag: Bag;
}

/* ---------------------------------------------------------------- Photos */

/** A member photo in a list (a profile's Photos tab, a product's member photos). */
export interface PhotoSummary {
  id: string;
  /** /blobs/<key> of the JPEG. */
  url: string;
  /** A ~320 px JPEG for grids (the full image for older photos). */
  thumbnail_url: string;
  /** A ~1080 px JPEG (the full image for older photos). */
  feed_url: string;
  /** The feed size as WebP, when made. */
  feed_webp_url: string | null;
  width: number;
  height: number;
  caption: string;
  author: AccountCard;
  /** Where it was posted, not always the author's home city. */
  city: { id: string; name: string; country: string } | null;
  posted_at: string;
}

/** A product a photo shows, "Shop this look". */
export interface PhotoProduct {
  product: ProductSummary;
  source: 'author' | 'recognised';
  /** Where it sits in the image, as fractions 0..1. */
  region: { x: number; y: number; w: number; h: number } | null;
  confidence: number | null;
}

/** A photo page. */
export interface PhotoView extends PhotoSummary {
  hashtags: string[];
  mentions: string[];
  /** Only the products the viewer may see. */
  products: PhotoProduct[];
  loves: number;
  loved: boolean;
}

export interface PhotoPage {
  photos: PhotoSummary[];
  next: string | null;
}

/** "Not this item": the answer to a member's correction of a tagged product. */
export interface TagCorrection {
  photo_id: string;
  product_id: string;
  /** The tag is off the photo for good. */
  removed: boolean;
  /** How many members have said so. */
  corrections: number;
  reason: string | null;
  corrected_at: string;
}

/* ---------------------------------------------------------------- Visual search */

/** A product visual search scored, best first. */
export interface ScoredProduct {
  product_id: string;
  score: number;
}

/** The exact product, when visual search recognises it; `confidence` is 0..1. */
export interface RecognisedProduct {
  product_id: string;
  confidence: number;
}

/** One garment found in the photo: where it is (fractions 0..1 of the photo) and what it matches. */
export interface VisualSearchRegion {
  box: { x: number; y: number; w: number; h: number };
  recognised: RecognisedProduct | null;
  results: ScoredProduct[];
}

/** "Shop the photo": what `POST /visual-search` answers. */
export interface VisualSearchResult {
  recognised: RecognisedProduct | null;
  results: ScoredProduct[];
  /** Each garment found, when the search located more than one. */
  regions?: VisualSearchRegion[];
}
