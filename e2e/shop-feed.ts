/**
 * A small Merchant Center feed for the shop journeys, written to a folder with its own JPEG
 * images (drawn with sharp), so the import reads local paths exactly as a retailer's would.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';

export interface FeedProduct {
  /** The product id the shop uses: the item_group_id for grouped rows, else the row id. */
  id: string;
  title: string;
  brand: string;
}

/** The pieces the journeys look for by name. */
export const silkDress: FeedProduct = { id: 'CT-DRESS-1', title: 'Silk slip dress', brand: 'Maison Verre' };
export const cashmereJumper: FeedProduct = { id: 'CT-KNIT-1', title: 'Cashmere rollneck jumper', brand: 'Atelier Nord' };
/** A preorder with a release date a year away: early access, so members do not see it yet. */
export const earlyCoat: FeedProduct = { id: 'CT-COAT-9', title: 'Double-faced wool coat', brand: 'Atelier Nord' };

const HEADER = [
  'id', 'item_group_id', 'title', 'description', 'image_link', 'additional_image_link', 'availability',
  'availability_date', 'quantity', 'price', 'sale_price', 'brand', 'product_type', 'color', 'size', 'material', 'gender',
];

interface Row {
  id: string;
  item_group_id?: string;
  title: string;
  description: string;
  images: string[];
  availability: 'in_stock' | 'out_of_stock' | 'preorder';
  availability_date?: string;
  quantity?: number;
  price: string;
  sale_price?: string;
  brand: string;
  product_type: string;
  color: string;
  size?: string;
  material?: string;
}

function rows(): Row[] {
  const dress = {
    item_group_id: silkDress.id,
    title: silkDress.title,
    description: 'A bias-cut slip dress in washed silk satin, with adjustable straps.\nDry clean only.',
    images: ['dress-front.jpg', 'dress-back.jpg'],
    price: '450.00 GBP',
    brand: silkDress.brand,
    product_type: 'Womenswear > Dresses',
    color: 'Burgundy',
    material: 'silk',
  };
  const nextYear = new Date(Date.UTC(new Date().getUTCFullYear() + 1, 2, 1, 9)).toISOString();
  return [
    // One product in three sizes: S has plenty, M is nearly gone, L is sold out.
    { ...dress, id: 'CT-DRESS-1-S', size: 'S', availability: 'in_stock', quantity: 6 },
    { ...dress, id: 'CT-DRESS-1-M', size: 'M', availability: 'in_stock', quantity: 2 },
    { ...dress, id: 'CT-DRESS-1-L', size: 'L', availability: 'out_of_stock' },
    {
      id: cashmereJumper.id, title: cashmereJumper.title, description: 'A fine-gauge rollneck in pure cashmere.',
      images: ['jumper.jpg'], availability: 'in_stock', quantity: 8, price: '320.00 GBP', sale_price: '240.00 GBP',
      brand: cashmereJumper.brand, product_type: 'Womenswear > Knitwear', color: 'Navy', material: 'cashmere',
    },
    {
      id: 'CT-BOOT-1', title: 'Leather ankle boots', description: 'Chelsea boots in calf leather on a stacked heel.',
      images: ['boots.jpg'], availability: 'in_stock', quantity: 4, price: '590.00 GBP', brand: 'Calzoleria Ferro',
      product_type: 'Shoes > Boots', color: 'Black', size: '38', material: 'leather',
    },
    {
      id: 'CT-TROUSER-1', title: 'Linen wide-leg trousers', description: 'High-waisted trousers in washed linen.',
      images: ['trousers.jpg'], availability: 'in_stock', quantity: 10, price: '180.00 GBP', brand: 'Maison Verre',
      product_type: 'Womenswear > Trousers', color: 'Sand', size: '10', material: 'linen',
    },
    {
      id: 'CT-BAG-1', title: 'Quilted shoulder bag', description: 'A quilted lambskin bag on a chain strap.',
      images: ['bag.jpg'], availability: 'in_stock', quantity: 3, price: '1,250.00 GBP', brand: 'Calzoleria Ferro',
      product_type: 'Accessories > Bags', color: 'Red', material: 'lambskin',
    },
    {
      id: 'CT-BLAZER-1', title: 'Wool tailored blazer', description: 'A single-breasted blazer in wool twill.',
      images: ['blazer.jpg'], availability: 'out_of_stock', price: '690.00 GBP', brand: 'Atelier Nord',
      product_type: 'Womenswear > Coats & Jackets', color: 'Charcoal', size: '10', material: 'wool',
    },
    {
      id: earlyCoat.id, title: earlyCoat.title, description: 'Released to members next spring.',
      images: ['coat.jpg'], availability: 'preorder', availability_date: nextYear, price: '1,450.00 GBP',
      brand: earlyCoat.brand, product_type: 'Womenswear > Coats & Jackets', color: 'Camel', size: '10', material: 'wool',
    },
  ];
}

function csvCell(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function csvLine(row: Row): string {
  const [first = '', ...more] = row.images;
  const values: Record<string, string> = {
    id: row.id,
    item_group_id: row.item_group_id ?? '',
    title: row.title,
    description: row.description,
    image_link: first,
    additional_image_link: more.join(','),
    availability: row.availability,
    availability_date: row.availability_date ?? '',
    quantity: row.quantity === undefined ? '' : String(row.quantity),
    price: row.price,
    sale_price: row.sale_price ?? '',
    brand: row.brand,
    product_type: row.product_type,
    color: row.color,
    size: row.size ?? '',
    material: row.material ?? '',
    gender: 'female',
  };
  return HEADER.map((key) => csvCell(values[key] ?? '')).join(',');
}

/** A garment-ish silhouette on a tinted ground, so each product's photo looks different. */
async function drawImage(file: string, ground: string, ink: string, shape: 'dress' | 'top' | 'boot' | 'bag' | 'coat'): Promise<void> {
  const shapes = {
    dress: 'M240 120h120l20 120-40 40 80 360H180l80-360-40-40z',
    top: 'M200 200l80-60h40l80 60 80 100-60 40-40-40v300H220V300l-40 40-60-40z',
    boot: 'M240 160h120v320l140 60v80H220z',
    bag: 'M200 360h200l30 260H170zM240 360c0-120 120-120 120 0',
    coat: 'M210 160h180l60 120v420H150V280zM300 160v540',
  };
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="800"><path d="${shapes[shape]}" fill="${ink}" stroke="${ink}" stroke-width="8" stroke-linejoin="round"/></svg>`;
  await sharp({ create: { width: 600, height: 800, channels: 3, background: ground } })
    .composite([{ input: Buffer.from(svg) }])
    .jpeg({ quality: 80 })
    .toFile(file);
}

/** Writes feed.csv and its images into `folder`; returns the feed's path. */
export async function writeShopFeed(folder: string): Promise<string> {
  await mkdir(folder, { recursive: true });
  const images: [string, string, string, Parameters<typeof drawImage>[3]][] = [
    ['dress-front.jpg', '#f1e6e2', '#7d2a2e', 'dress'],
    ['dress-back.jpg', '#e9ddd8', '#65201f', 'dress'],
    ['jumper.jpg', '#e3e6ee', '#1c2841', 'top'],
    ['boots.jpg', '#eeeae4', '#141414', 'boot'],
    ['trousers.jpg', '#f3eee4', '#d9c4a3', 'coat'],
    ['bag.jpg', '#f6ebe9', '#c41e3a', 'bag'],
    ['blazer.jpg', '#ebebeb', '#4a4a4a', 'coat'],
    ['coat.jpg', '#f4ece2', '#a0743f', 'coat'],
  ];
  await Promise.all(images.map(([name, ground, ink, shape]) => drawImage(path.join(folder, name), ground, ink, shape)));
  const feed = path.join(folder, 'feed.csv');
  await writeFile(feed, `${[HEADER.join(','), ...rows().map(csvLine)].join('\n')}\n`);
  return feed;
}
