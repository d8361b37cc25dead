// The sample shop: a home & living retailer with a fixed catalogue of 60 products in 8 categories,
// and the site's pages. Every URL is built once here, so generating an event never formats a
// string. Page categories follow the default page taxonomy of 001-initial.ts (checked by a test).

export const CATEGORIES = ['lighting', 'furniture', 'textiles', 'kitchen', 'garden', 'decor', 'bath', 'outdoor'] as const;
export type CategoryName = (typeof CATEGORIES)[number];

export interface Product {
  /** Index into PRODUCTS. */
  index: number;
  /** Product code used in the `product` column and in URLs: "oak-side-table-1234". */
  code: string;
  name: string;
  category: CategoryName;
  categoryIndex: number;
  price: number;
  /** Typical units per order line (towels come in twos, sofas in ones). */
  maxQuantity: number;
  url: string;
  reviewsUrl: string;
}

// [slug, display name, price in GBP, max quantity per line]
type Row = readonly [string, string, number, number];

const RAW: Record<CategoryName, readonly Row[]> = {
  lighting: [
    ['oak-table-lamp', 'Oak table lamp', 45, 2],
    ['brass-floor-lamp', 'Brass floor lamp', 129, 1],
    ['rattan-pendant-shade', 'Rattan pendant shade', 39, 3],
    ['glass-globe-pendant', 'Glass globe pendant', 69, 3],
    ['linen-drum-shade', 'Linen drum shade', 25, 2],
    ['marble-desk-lamp', 'Marble desk lamp', 79, 1],
    ['ceramic-table-lamp', 'Ceramic table lamp', 59, 2],
    ['arc-floor-lamp', 'Arc floor lamp', 189, 1],
  ],
  furniture: [
    ['oak-side-table', 'Oak side table', 149, 2],
    ['walnut-side-table', 'Walnut side table', 179, 2],
    ['oak-dining-table', 'Oak dining table', 749, 1],
    ['velvet-armchair', 'Velvet armchair', 399, 2],
    ['rattan-lounge-chair', 'Rattan lounge chair', 289, 2],
    ['oak-bookcase', 'Oak bookcase', 329, 1],
    ['walnut-sideboard', 'Walnut sideboard', 689, 1],
    ['linen-three-seater-sofa', 'Linen three-seater sofa', 1195, 1],
  ],
  textiles: [
    ['linen-duvet-cover', 'Linen duvet cover', 79, 2],
    ['cotton-throw', 'Cotton throw', 45, 2],
    ['wool-rug-160x230', 'Wool rug 160x230', 229, 1],
    ['jute-rug-120x170', 'Jute rug 120x170', 99, 1],
    ['velvet-cushion-cover', 'Velvet cushion cover', 22, 4],
    ['linen-curtains-pair', 'Linen curtains (pair)', 89, 2],
    ['merino-blanket', 'Merino blanket', 119, 1],
  ],
  kitchen: [
    ['stoneware-dinner-plates', 'Stoneware dinner plates (set of 4)', 48, 2],
    ['cast-iron-casserole', 'Cast iron casserole', 119, 1],
    ['oak-chopping-board', 'Oak chopping board', 35, 2],
    ['copper-saucepan', 'Copper saucepan', 89, 2],
    ['linen-tea-towels', 'Linen tea towels (set of 3)', 18, 3],
    ['glass-storage-jars', 'Glass storage jars', 28, 3],
    ['enamel-kettle', 'Enamel kettle', 55, 1],
    ['chefs-knife', "Chef's knife", 65, 1],
  ],
  garden: [
    ['terracotta-planter-large', 'Terracotta planter, large', 59, 3],
    ['galvanised-watering-can', 'Galvanised watering can', 32, 1],
    ['acacia-garden-bench', 'Acacia garden bench', 279, 1],
    ['herb-planter-trio', 'Herb planter trio', 29, 2],
    ['raised-bed-kit', 'Raised bed kit', 149, 2],
    ['garden-tool-set', 'Garden tool set', 49, 1],
    ['bird-feeder-station', 'Bird feeder station', 35, 1],
  ],
  decor: [
    ['ceramic-vase', 'Ceramic vase', 34, 3],
    ['round-wall-mirror', 'Round wall mirror', 119, 1],
    ['framed-botanical-print', 'Framed botanical print', 49, 3],
    ['scented-candle-trio', 'Scented candle trio', 29, 3],
    ['woven-storage-basket', 'Woven storage basket', 39, 3],
    ['brass-photo-frame', 'Brass photo frame', 24, 4],
    ['dried-flower-bouquet', 'Dried flower bouquet', 32, 2],
    ['oak-wall-clock', 'Oak wall clock', 59, 1],
  ],
  bath: [
    ['waffle-bath-towel', 'Waffle bath towel', 24, 4],
    ['cotton-towel-bale', 'Cotton towel bale', 69, 2],
    ['bamboo-bath-mat', 'Bamboo bath mat', 29, 2],
    ['ceramic-soap-dispenser', 'Ceramic soap dispenser', 18, 2],
    ['linen-shower-curtain', 'Linen shower curtain', 45, 1],
    ['marble-bath-tray', 'Marble bath tray', 39, 1],
    ['oak-towel-ladder', 'Oak towel ladder', 89, 1],
  ],
  outdoor: [
    ['teak-garden-table', 'Teak garden table', 549, 1],
    ['folding-bistro-set', 'Folding bistro set', 199, 1],
    ['outdoor-rug', 'Outdoor rug', 79, 1],
    ['fire-pit-bowl', 'Fire pit bowl', 159, 1],
    ['cantilever-parasol', 'Cantilever parasol', 129, 1],
    ['cotton-hammock', 'Cotton hammock', 89, 1],
    ['outdoor-lantern', 'Outdoor lantern', 49, 4],
  ],
};

export const PRODUCTS: readonly Product[] = (() => {
  const out: Product[] = [];
  CATEGORIES.forEach((category, categoryIndex) => {
    for (const [slug, name, price, maxQuantity] of RAW[category]) {
      // Stable four-digit product numbers, as a shop's SKU numbering would give.
      const num = 1000 + ((out.length * 137 + 211) % 8999);
      const code = `${slug}-${num}`;
      out.push({
        index: out.length,
        code,
        name,
        category,
        categoryIndex,
        price,
        maxQuantity,
        url: `/product/${code}`,
        reviewsUrl: `/reviews/${code}`,
      });
    }
  });
  return out;
})();

/** Product indexes per category index. */
export const PRODUCTS_BY_CATEGORY: readonly (readonly number[])[] = CATEGORIES.map((c) =>
  PRODUCTS.filter((p) => p.category === c).map((p) => p.index),
);

export const CATEGORY_URLS: readonly string[] = CATEGORIES.map((c) => `/category/${c}`);
export const SALE_URL = '/category/sale';
export const NEW_IN_URL = '/category/new-in';

/** Comparison pages: neighbouring products of a category, "/compare/oak-side-table-vs-walnut-side-table". */
export const COMPARE_URLS: readonly (readonly string[])[] = PRODUCTS_BY_CATEGORY.map((ids) => {
  const urls: string[] = [];
  for (let i = 0; i + 1 < ids.length; i++) {
    const a = PRODUCTS[ids[i]!]!.code.replace(/-\d+$/, '');
    const b = PRODUCTS[ids[i + 1]!]!.code.replace(/-\d+$/, '');
    urls.push(`/compare/${a}-vs-${b}`);
  }
  return urls;
});

// Informational pages. Slugs are chosen so each URL matches exactly one taxonomy rule.
export const FAQ_URLS = [
  '/faq',
  '/faq/lead-times',
  '/faq/assembly',
  '/faq/care-guide',
  '/faq/warranty',
  '/faq/payment-options',
  '/faq/order-tracking',
  '/faq/sizing-and-dimensions',
] as const;
export const RETURNS_URLS = ['/returns', '/returns/policy', '/refund-policy'] as const;
export const RETURNS_START_URL = '/returns/start';
export const SHIPPING_URLS = ['/shipping', '/shipping/international', '/delivery/next-day', '/delivery/click-and-collect'] as const;
export const PRICING_URLS = ['/pricing', '/pricing/price-match-promise', '/pricing/bundle-offers', '/pricing/student-discount'] as const;
export const CONTENT_URLS = [
  '/blog/how-to-layer-lighting',
  '/blog/choosing-the-right-rug-size',
  '/blog/small-garden-ideas',
  '/blog/caring-for-oak-furniture',
  '/blog/autumn-home-refresh',
  '/blog/hosting-a-summer-dinner',
  '/blog/bathroom-spa-makeover',
  '/blog/festive-table-styling',
  '/blog/balcony-garden-guide',
  '/blog/linen-care-guide',
  '/blog/styling-a-small-living-room',
  '/blog/kitchen-essentials-checklist',
] as const;
export const ACCOUNT_URLS = ['/account', '/account/orders', '/account/wishlist', '/account/addresses'] as const;
export const ACCOUNT_REGISTER_URL = '/account/register';
export const HOME_URL = '/';
export const CART_URL = '/cart';
export const CHECKOUT_URL = '/checkout';
export const CHECKOUT_CONFIRMATION_URL = '/checkout/confirmation';

/** Kinds of page a session visits; the generator draws these with per-type weights. */
export const PG_PRODUCT = 0;
export const PG_CATEGORY = 1;
export const PG_HOME = 2;
export const PG_CONTENT = 3;
export const PG_REVIEWS = 4;
export const PG_FAQ = 5;
export const PG_RETURNS = 6;
export const PG_SHIPPING = 7;
export const PG_PRICING = 8;
export const PG_COMPARISON = 9;
export const PG_CART = 10;
export const PG_ACCOUNT = 11;
export const PAGE_KIND_COUNT = 12;

/** page_category written for each page kind (the taxonomy's category names). */
export const PAGE_CATEGORY: readonly string[] = [
  'product',
  'category',
  'home',
  'content',
  'reviews',
  'faq',
  'returns',
  'shipping',
  'pricing',
  'comparison',
  'cart',
  'account',
];

/**
 * How much each category sells by calendar month (Jan..Dec): gardens in spring, lighting and
 * textiles when evenings draw in, decor before Christmas.
 */
export const CATEGORY_SEASON: readonly (readonly number[])[] = [
  /* lighting  */ [1.1, 0.9, 0.8, 0.7, 0.6, 0.6, 0.6, 0.7, 1.0, 1.3, 1.5, 1.4],
  /* furniture */ [1.3, 1.1, 1.0, 1.0, 0.9, 0.8, 0.8, 0.9, 1.1, 1.1, 1.1, 0.9],
  /* textiles  */ [1.2, 1.0, 0.9, 0.8, 0.7, 0.6, 0.6, 0.7, 1.0, 1.3, 1.4, 1.3],
  /* kitchen   */ [1.0, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 1.0, 1.0, 1.3, 1.6],
  /* garden    */ [0.3, 0.5, 1.3, 1.9, 2.0, 1.6, 1.2, 0.9, 0.7, 0.5, 0.3, 0.3],
  /* decor     */ [0.8, 0.8, 0.9, 0.9, 0.9, 0.8, 0.8, 0.8, 1.0, 1.2, 1.5, 1.8],
  /* bath      */ [1.3, 1.1, 1.0, 1.0, 0.9, 0.9, 0.9, 0.9, 1.0, 1.0, 1.0, 1.0],
  /* outdoor   */ [0.2, 0.3, 0.8, 1.5, 2.0, 2.2, 2.0, 1.5, 0.8, 0.5, 0.3, 0.2],
];

/** Base popularity of each category. */
export const CATEGORY_POPULARITY: readonly number[] = [14, 13, 15, 14, 10, 15, 10, 9];
