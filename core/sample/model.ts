// The behaviour types of the sample population and how each one behaves. Every figure here is a
// monthly rate or a probability; the simulator (simulate.ts) turns them into events. Tuning the
// realism of the sample means editing this table, nothing else.
import { PAGE_KIND_COUNT } from './catalog.ts';
import { Weighted } from './random.ts';

export const BEHAVIOUR_TYPES = [
  'proof_seeker',
  'deal_waiter',
  'seasonal',
  'convenience_first',
  'comparison_shopper',
  'loyal_repeater',
  'cooling_off',
  'window_browser',
] as const;
export type BehaviourType = (typeof BEHAVIOUR_TYPES)[number];

export const PS = 0;
export const DW = 1;
export const SE = 2;
export const CF = 3;
export const CS = 4;
export const LR = 5;
export const CO = 6;
export const WB = 7;

/** Intended share of each type among new customers (the type in their first month). */
export const TYPE_SHARE: Readonly<Record<BehaviourType, number>> = {
  proof_seeker: 0.12,
  deal_waiter: 0.15,
  seasonal: 0.1,
  convenience_first: 0.13,
  comparison_shopper: 0.12,
  loyal_repeater: 0.13,
  cooling_off: 0.1,
  window_browser: 0.15,
};
export const TYPE_MIX = new Weighted(BEHAVIOUR_TYPES.map((t) => TYPE_SHARE[t]));

/** Drift: share of researchers (proof_seeker, comparison_shopper, window_browser) who become ready to buy. */
export const READY_SHARE = 0.25;
/** Drift: share of loyal_repeater / convenience_first customers who later start cooling off. */
export const COOLING_SHARE = 0.2;

export interface TypeParams {
  /** Browsing sessions per month, apart from purchase journeys and campaign clicks. */
  sessions: number;
  /** Mean page views per session after the landing page. */
  pages: number;
  /** Mean seconds between page views. */
  dwell: number;
  /** Weights of page kinds (catalog.ts PG_*) after the landing page. */
  pageTable: Weighted;
  /** Purchase journeys per month (mean over customers of the type). */
  purchases: number;
  /** Gamma shape of the per-customer purchase rate: small = very unequal (many one-time buyers). */
  purchaseShape: number;
  /** Research sessions before a purchase [min, max], spread over researchDays [min, max] days. */
  research: readonly [number, number];
  researchDays: readonly [number, number];
  /** Mean share of sessions on mobile, and how much of it moves to desktop at purchase time. */
  mobile: number;
  desktopShift: number;
  /** Uses the discount when a site-wide sale is on / uses a voucher code otherwise. */
  saleUse: number;
  voucher: number;
  /** Probability an order line is sent back. */
  returnRate: number;
  /** Probability of asking support before buying. */
  supportPre: number;
  /** E-mail open probability, click probability given an open, and multipliers for discount mails. */
  open: number;
  click: number;
  discountOpen: number;
  discountClick: number;
  /** Probability of buying in a session started from a discount campaign. */
  campaignBuy: number;
  /** Probability a browsing session puts something in the cart (and leaves it). */
  cartAbandon: number;
  /** Probability an order has more than one line. */
  extraLines: number;
  /** Probability of looking at a category outside the customer's favourites. */
  breadth: number;
  /** Probability of buying during the very first visit (account created at checkout). */
  firstBuy: number;
  /** Share of traffic by source: direct, organic_search, paid_search, paid_social, affiliate, referral. */
  sources: Weighted;
  /** Preferred-hour profile weights: evening, lunchtime, commute, office hours, late night. */
  hours: Weighted;
  /** Probability of being opted in to e-mail / SMS (SMS needs a phone number too). */
  emailOptIn: number;
  smsOptIn: number;
  /** Acquisition channel weights: organic, paid_social, email, referral, affiliate. */
  acquisition: Weighted;
  /** Share using the app rather than the mobile site. */
  app: number;
}

// Page kinds: product, category, home, content, reviews, faq, returns, shipping, pricing, comparison, cart, account
const pages = (w: number[]): Weighted => {
  if (w.length !== PAGE_KIND_COUNT) throw new Error('page weights: wrong length');
  return new Weighted(w);
};

export const PARAMS: readonly TypeParams[] = [
  // proof_seeker: reads reviews, returns and FAQ pages, researches for weeks, then buys; returns a lot.
  {
    sessions: 0.068, pages: 1.84, dwell: 70,
    pageTable: pages([26, 6, 2, 5, 26, 13, 10, 6, 1, 3, 1, 1]),
    purchases: 0.065, purchaseShape: 1.0, research: [2, 4], researchDays: [12, 40],
    mobile: 0.35, desktopShift: 0.55, saleUse: 0.5, voucher: 0.06, returnRate: 0.22, supportPre: 0.35,
    open: 0.24, click: 0.16, discountOpen: 1.1, discountClick: 1.0, campaignBuy: 0.05, cartAbandon: 0.06,
    extraLines: 0.15, breadth: 0.2, firstBuy: 0.02,
    sources: new Weighted([40, 38, 8, 4, 2, 8]), hours: new Weighted([44, 10, 6, 26, 14]),
    emailOptIn: 0.68, smsOptIn: 0.14, acquisition: new Weighted([50, 12, 10, 22, 6]), app: 0.12,
  },
  // deal_waiter: watches prices, buys almost only with a discount, right after a discount mail.
  {
    sessions: 0.068, pages: 1.12, dwell: 30,
    pageTable: pages([30, 20, 5, 1, 3, 2, 2, 4, 24, 3, 5, 1]),
    purchases: 0.03, purchaseShape: 1.2, research: [0, 1], researchDays: [1, 5],
    mobile: 0.58, desktopShift: 0.25, saleUse: 0.98, voucher: 0.75, returnRate: 0.17, supportPre: 0.05,
    open: 0.2, click: 0.12, discountOpen: 2.9, discountClick: 3.2, campaignBuy: 0.5, cartAbandon: 0.12,
    extraLines: 0.2, breadth: 0.4, firstBuy: 0.12,
    sources: new Weighted([30, 20, 10, 12, 22, 6]), hours: new Weighted([46, 18, 10, 12, 14]),
    emailOptIn: 0.82, smsOptIn: 0.32, acquisition: new Weighted([22, 26, 12, 8, 32]), app: 0.3,
  },
  // seasonal: quarterly bursts of browsing and buying, quiet in between.
  {
    sessions: 0.077, pages: 1.36, dwell: 45,
    pageTable: pages([34, 24, 7, 12, 5, 2, 1, 4, 3, 2, 4, 2]),
    purchases: 0.45, purchaseShape: 2.0, research: [0, 2], researchDays: [3, 12],
    mobile: 0.5, desktopShift: 0.35, saleUse: 0.6, voucher: 0.06, returnRate: 0.08, supportPre: 0.06,
    open: 0.26, click: 0.16, discountOpen: 1.3, discountClick: 1.3, campaignBuy: 0.12, cartAbandon: 0.06,
    extraLines: 0.25, breadth: 0.3, firstBuy: 0.2,
    sources: new Weighted([40, 30, 10, 10, 4, 6]), hours: new Weighted([40, 16, 8, 24, 12]),
    emailOptIn: 0.72, smsOptIn: 0.17, acquisition: new Weighted([42, 22, 14, 14, 8]), app: 0.2,
  },
  // convenience_first: few short sessions, mostly on the phone, checks delivery, buys quickly.
  {
    sessions: 0.039, pages: 0.64, dwell: 22,
    pageTable: pages([36, 6, 8, 1, 2, 2, 1, 20, 1, 1, 8, 14]),
    purchases: 0.13, purchaseShape: 1.3, research: [0, 1], researchDays: [0, 2],
    mobile: 0.82, desktopShift: 0.05, saleUse: 0.45, voucher: 0.04, returnRate: 0.05, supportPre: 0.02,
    open: 0.12, click: 0.14, discountOpen: 1.1, discountClick: 1.1, campaignBuy: 0.15, cartAbandon: 0.04,
    extraLines: 0.15, breadth: 0.25, firstBuy: 0.45,
    sources: new Weighted([55, 22, 10, 8, 1, 4]), hours: new Weighted([30, 28, 22, 12, 8]),
    emailOptIn: 0.55, smsOptIn: 0.29, acquisition: new Weighted([38, 34, 8, 14, 6]), app: 0.45,
  },
  // comparison_shopper: compares products across categories, checks prices, buys rarely.
  {
    sessions: 0.099, pages: 2.08, dwell: 40,
    pageTable: pages([36, 14, 2, 3, 8, 2, 2, 3, 10, 18, 1, 1]),
    purchases: 0.055, purchaseShape: 1.0, research: [1, 3], researchDays: [5, 25],
    mobile: 0.4, desktopShift: 0.45, saleUse: 0.65, voucher: 0.1, returnRate: 0.12, supportPre: 0.08,
    open: 0.2, click: 0.2, discountOpen: 1.2, discountClick: 1.2, campaignBuy: 0.06, cartAbandon: 0.07,
    extraLines: 0.12, breadth: 0.6, firstBuy: 0.03,
    sources: new Weighted([30, 42, 12, 6, 4, 6]), hours: new Weighted([42, 12, 6, 28, 12]),
    emailOptIn: 0.66, smsOptIn: 0.13, acquisition: new Weighted([52, 16, 8, 14, 10]), app: 0.12,
  },
  // loyal_repeater: buys regularly, opens most e-mails, rarely needs a discount, rarely returns.
  {
    sessions: 0.054, pages: 1.12, dwell: 38,
    pageTable: pages([34, 12, 8, 8, 3, 1, 1, 2, 1, 1, 6, 18]),
    purchases: 0.3, purchaseShape: 3.0, research: [0, 1], researchDays: [1, 6],
    mobile: 0.45, desktopShift: 0.3, saleUse: 0.25, voucher: 0.02, returnRate: 0.04, supportPre: 0.03,
    open: 0.52, click: 0.2, discountOpen: 1.0, discountClick: 1.0, campaignBuy: 0.12, cartAbandon: 0.05,
    extraLines: 0.25, breadth: 0.35, firstBuy: 0.3,
    sources: new Weighted([60, 16, 4, 2, 1, 4]), hours: new Weighted([42, 18, 10, 18, 12]),
    emailOptIn: 0.85, smsOptIn: 0.21, acquisition: new Weighted([40, 12, 22, 22, 4]), app: 0.35,
  },
  // cooling_off: was active; activity and e-mail opens fade month by month until dormant.
  {
    sessions: 0.138, pages: 1.12, dwell: 40,
    pageTable: pages([34, 16, 12, 8, 5, 3, 3, 4, 4, 3, 3, 3]),
    purchases: 0.26, purchaseShape: 1.5, research: [0, 1], researchDays: [2, 10],
    mobile: 0.5, desktopShift: 0.3, saleUse: 0.45, voucher: 0.05, returnRate: 0.1, supportPre: 0.05,
    open: 0.42, click: 0.15, discountOpen: 1.2, discountClick: 1.2, campaignBuy: 0.1, cartAbandon: 0.04,
    extraLines: 0.2, breadth: 0.3, firstBuy: 0.25,
    sources: new Weighted([50, 24, 8, 8, 4, 6]), hours: new Weighted([42, 16, 10, 20, 12]),
    emailOptIn: 0.78, smsOptIn: 0.17, acquisition: new Weighted([38, 26, 14, 14, 8]), app: 0.22,
  },
  // window_browser: browses a lot (inspiration, blog, categories), never buys.
  {
    sessions: 0.42, pages: 2.24, dwell: 50,
    pageTable: pages([38, 24, 9, 15, 5, 1, 1, 1, 2, 3, 1, 2]),
    purchases: 0, purchaseShape: 1, research: [0, 0], researchDays: [0, 0],
    mobile: 0.6, desktopShift: 0, saleUse: 0, voucher: 0, returnRate: 0, supportPre: 0,
    open: 0.2, click: 0.24, discountOpen: 1.1, discountClick: 1.1, campaignBuy: 0, cartAbandon: 0.05,
    extraLines: 0, breadth: 0.5, firstBuy: 0,
    sources: new Weighted([34, 34, 4, 20, 2, 6]), hours: new Weighted([46, 14, 8, 16, 16]),
    emailOptIn: 0.6, smsOptIn: 0.08, acquisition: new Weighted([46, 34, 6, 10, 4]), app: 0.25,
  },
];

export const SOURCE_NAMES = ['direct', 'organic_search', 'paid_search', 'paid_social', 'affiliate', 'referral'] as const;
export const ACQUISITION_CHANNELS = ['organic', 'paid_social', 'email', 'referral', 'affiliate'] as const;
export const AGE_BANDS = ['18-24', '25-34', '35-44', '45-54', '55-64', '65+'] as const;
/** Age band weights per type (home & living buyers skew 25-54). */
export const AGE_WEIGHTS: readonly Weighted[] = [
  new Weighted([6, 22, 26, 22, 15, 9]), // proof_seeker
  new Weighted([16, 30, 22, 14, 10, 8]), // deal_waiter
  new Weighted([5, 18, 26, 24, 17, 10]), // seasonal
  new Weighted([10, 36, 30, 15, 6, 3]), // convenience_first
  new Weighted([12, 32, 26, 16, 9, 5]), // comparison_shopper
  new Weighted([4, 20, 28, 24, 15, 9]), // loyal_repeater
  new Weighted([9, 26, 26, 19, 12, 8]), // cooling_off
  new Weighted([22, 34, 20, 11, 8, 5]), // window_browser
];

/** Preferred local hours: mean and spread of each profile (evening, lunchtime, commute, office, late). */
export const HOUR_PROFILES: ReadonlyArray<readonly [number, number]> = [
  [20.4, 1.3],
  [12.8, 0.7],
  [7.9, 0.8],
  [14.5, 2.4],
  [22.9, 0.9],
];
