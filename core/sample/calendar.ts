// The time frame of a sample and the shop's marketing calendar in it. Everything here depends
// only on the end date and the number of months, never on the seed or on the clock.
import {
  CATEGORIES,
  CATEGORY_POPULARITY,
  CATEGORY_SEASON,
  CATEGORY_URLS,
  CONTENT_URLS,
  HOME_URL,
  NEW_IN_URL,
  PG_CATEGORY,
  PG_CONTENT,
  PG_HOME,
  PG_PRODUCT,
  PRODUCTS,
  PRODUCTS_BY_CATEGORY,
  SALE_URL,
} from './catalog.ts';

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

export interface Period {
  startMs: number;
  /** Last millisecond of the end date (UTC). */
  endMs: number;
  months: number;
  /** monthStart[m] is the first millisecond of month m; monthStart[months] = endMs + 1. */
  monthStart: Float64Array;
  /** "YYYY-MM" of each month. */
  monthKey: string[];
  /** Calendar month 0-11 of each month. */
  calMonth: Int8Array;
  /** year * 12 + calendar month, for cycles that follow the calendar (quarters). */
  absMonth: Int32Array;
  days: number;
  dayMonth: Int16Array;
  dayWeekend: Uint8Array;
  /** 1 when European/US summer time is (roughly) in force that day. */
  daySummer: Uint8Array;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseEndDate(endDate: string): { y: number; m: number; d: number } {
  const match = DATE_RE.exec(endDate);
  if (!match) throw new Error(`endDate must be YYYY-MM-DD, got "${endDate}"`);
  const y = Number(match[1]);
  const m = Number(match[2]) - 1;
  const d = Number(match[3]);
  const probe = new Date(Date.UTC(y, m, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== m || probe.getUTCDate() !== d) {
    throw new Error(`endDate ${endDate} is not a calendar date`);
  }
  return { y, m, d };
}

export function makePeriod(endDate: string, months: number): Period {
  if (!Number.isInteger(months) || months < 1) throw new Error(`months must be a positive integer, got ${months}`);
  const { y, m, d } = parseEndDate(endDate);
  const endMs = Date.UTC(y, m, d, 23, 59, 59, 999);
  const startMs = Date.UTC(y, m - (months - 1), 1);
  const monthStart = new Float64Array(months + 1);
  const monthKey: string[] = [];
  const calMonth = new Int8Array(months);
  const absMonth = new Int32Array(months);
  for (let i = 0; i < months; i++) {
    const ms = Date.UTC(y, m - (months - 1) + i, 1);
    const dt = new Date(ms);
    monthStart[i] = ms;
    calMonth[i] = dt.getUTCMonth();
    absMonth[i] = dt.getUTCFullYear() * 12 + dt.getUTCMonth();
    monthKey.push(`${dt.getUTCFullYear()}-${String(dt.getUTCMonth() + 1).padStart(2, '0')}`);
  }
  monthStart[months] = endMs + 1;
  const days = Math.floor((endMs - startMs) / DAY) + 1;
  const dayMonth = new Int16Array(days);
  const dayWeekend = new Uint8Array(days);
  const daySummer = new Uint8Array(days);
  let mi = 0;
  for (let i = 0; i < days; i++) {
    const ms = startMs + i * DAY;
    while (mi + 1 < months && ms >= monthStart[mi + 1]!) mi++;
    dayMonth[i] = mi;
    const dt = new Date(ms);
    const dow = dt.getUTCDay();
    dayWeekend[i] = dow === 0 || dow === 6 ? 1 : 0;
    // Summer time: last Sunday of March to last Sunday of October (EU); close enough for the US too.
    const cm = dt.getUTCMonth();
    const dom = dt.getUTCDate();
    daySummer[i] = (cm > 2 && cm < 9) || (cm === 2 && dom >= 25) || (cm === 9 && dom < 25) ? 1 : 0;
  }
  return { startMs, endMs, months, monthStart, monthKey, calMonth, absMonth, days, dayMonth, dayWeekend, daySummer };
}

/** Month index of a timestamp inside the period. */
export function monthOf(p: Period, ts: number): number {
  const d = Math.floor((ts - p.startMs) / DAY);
  if (d < 0) return 0;
  if (d >= p.days) return p.months - 1;
  return p.dayMonth[d]!;
}

export type CampaignKind = 'newsletter' | 'sale' | 'last_chance' | 'product' | 'winback' | 'flash';

export interface Campaign {
  name: string;
  kind: CampaignKind;
  channel: 'email' | 'sms';
  /** Send time (epoch ms, UTC). */
  ts: number;
  /** Discount rate offered (0.2 = 20 %), 0 when none. */
  discount: number;
  /** Where a click lands. */
  landingUrl: string;
  landingKind: number;
  landingCategory: number;
  landingProduct: number;
}

export interface Sale {
  name: string;
  start: number;
  end: number;
  discount: number;
}

export interface MarketingCalendar {
  /** Every send in time order, e-mail and SMS. */
  campaigns: Campaign[];
  /** Site-wide sales (any purchase in the window can use the discount). */
  sales: Sale[];
}

const pad2 = (n: number) => String(n).padStart(2, '0');

function nthWeekday(year: number, month: number, weekday: number, nth: number): number {
  const first = new Date(Date.UTC(year, month, 1)).getUTCDay();
  const day = 1 + ((weekday - first + 7) % 7) + (nth - 1) * 7;
  return Date.UTC(year, month, day);
}

/** The category with the strongest season in a calendar month (for "garden_edit_2025_04"). */
function seasonalCategory(calMonth: number, rotate: number): number {
  const order = CATEGORIES.map((_, i) => i).sort(
    (a, b) => CATEGORY_SEASON[b]![calMonth]! * CATEGORY_POPULARITY[b]! - CATEGORY_SEASON[a]![calMonth]! * CATEGORY_POPULARITY[a]! || a - b,
  );
  return order[rotate % 3]!;
}

export function makeCalendar(p: Period): MarketingCalendar {
  const campaigns: Campaign[] = [];
  const sales: Sale[] = [];
  const firstYear = new Date(p.startMs).getUTCFullYear() - 1;
  const lastYear = new Date(p.endMs).getUTCFullYear();

  const add = (c: Omit<Campaign, 'landingCategory' | 'landingProduct'> & Partial<Pick<Campaign, 'landingCategory' | 'landingProduct'>>) => {
    if (c.ts < p.startMs || c.ts > p.endMs) return;
    campaigns.push({ landingCategory: -1, landingProduct: -1, ...c });
  };

  // Site-wide sales: launch e-mail, SMS the next day, "last chance" e-mail two days before the end.
  for (let y = firstYear; y <= lastYear; y++) {
    const defs: Array<[string, number, number, number]> = [
      [`spring_sale_${y}`, Date.UTC(y, 2, 20), 14, 0.2],
      [`summer_sale_${y}`, Date.UTC(y, 5, 26), 21, 0.25],
      // Black Friday: the day after the fourth Thursday of November, through Cyber Monday.
      [`black_friday_${y}`, nthWeekday(y, 10, 4, 4) + DAY, 4, 0.3],
      [`boxing_day_sale_${y}`, Date.UTC(y, 11, 26), 21, 0.25],
    ];
    for (const [name, day, length, discount] of defs) {
      const start = day + 7 * HOUR;
      const end = day + length * DAY - 1;
      if (end < p.startMs || start > p.endMs) continue;
      sales.push({ name, start, end, discount });
      add({ name, kind: 'sale', channel: 'email', ts: start, discount, landingUrl: SALE_URL, landingKind: PG_CATEGORY });
      add({ name, kind: 'sale', channel: 'sms', ts: start + DAY + 4 * HOUR, discount, landingUrl: SALE_URL, landingKind: PG_CATEGORY });
      add({
        name: `${name}_last_chance`,
        kind: 'last_chance',
        channel: 'email',
        ts: end + 1 - 2 * DAY - 17 * HOUR,
        discount,
        landingUrl: SALE_URL,
        landingKind: PG_CATEGORY,
      });
    }
  }

  for (let i = 0; i < p.months; i++) {
    const abs = p.absMonth[i]!;
    const y = Math.floor(abs / 12);
    const cm = abs % 12;
    const tag = `${y}_${pad2(cm + 1)}`;
    // Monthly newsletter: first Thursday, 08:30 UTC.
    add({ name: `newsletter_${tag}`, kind: 'newsletter', channel: 'email', ts: nthWeekday(y, cm, 4, 1) + 8.5 * HOUR, discount: 0, landingUrl: HOME_URL, landingKind: PG_HOME });
    // Weekly product e-mails on Tuesdays, 10:00 UTC, unless a sale mail goes out that week.
    for (let w = 1; w <= 5; w++) {
      const day = nthWeekday(y, cm, 2, w);
      if (new Date(day).getUTCMonth() !== cm) break;
      const ts = day + 10 * HOUR;
      if (sales.some((s) => Math.abs(s.start - ts) < 3 * DAY || Math.abs(s.end - 2 * DAY - ts) < 3 * DAY)) continue;
      const cat = seasonalCategory(cm, w);
      const catName = CATEGORIES[cat]!;
      const products = PRODUCTS_BY_CATEGORY[cat]!;
      if (w === 1) {
        add({ name: `new_in_${tag}`, kind: 'product', channel: 'email', ts, discount: 0, landingUrl: NEW_IN_URL, landingKind: PG_CATEGORY, landingCategory: cat });
      } else if (w === 2) {
        add({ name: `${catName}_edit_${tag}`, kind: 'product', channel: 'email', ts, discount: 0, landingUrl: CATEGORY_URLS[cat]!, landingKind: PG_CATEGORY, landingCategory: cat });
      } else if (w === 3) {
        const prod = products[(abs * 7) % products.length]!;
        add({ name: `bestsellers_${tag}`, kind: 'product', channel: 'email', ts, discount: 0, landingUrl: PRODUCTS[prod]!.url, landingKind: PG_PRODUCT, landingCategory: cat, landingProduct: prod });
      } else if (w === 4) {
        const blog = CONTENT_URLS[(abs * 5) % CONTENT_URLS.length]!;
        add({ name: `home_inspiration_${tag}`, kind: 'product', channel: 'email', ts, discount: 0, landingUrl: blog, landingKind: PG_CONTENT, landingCategory: cat });
      } else {
        add({ name: `members_picks_${tag}`, kind: 'product', channel: 'email', ts, discount: 0, landingUrl: CATEGORY_URLS[cat]!, landingKind: PG_CATEGORY, landingCategory: cat });
      }
    }
    // Quarterly win-back e-mail with a code, to lapsing customers (first Monday of the quarter).
    if (cm % 3 === 0) {
      const q = cm / 3 + 1;
      add({ name: `we_miss_you_${y}_q${q}`, kind: 'winback', channel: 'email', ts: nthWeekday(y, cm, 1, 1) + 9 * HOUR, discount: 0.15, landingUrl: HOME_URL, landingKind: PG_HOME });
    }
    // SMS flash sale (48 h, SMS subscribers only) in months without a site-wide sale.
    const inSale = sales.some((s) => s.start < p.monthStart[i + 1]! && s.end >= p.monthStart[i]!);
    if (!inSale) {
      const ts = nthWeekday(y, cm, 5, 2) + 11 * HOUR;
      add({ name: `flash_sale_${tag}`, kind: 'flash', channel: 'sms', ts, discount: 0.15, landingUrl: SALE_URL, landingKind: PG_CATEGORY });
    }
  }
  campaigns.sort((a, b) => a.ts - b.ts || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  sales.sort((a, b) => a.start - b.start);
  return { campaigns, sales };
}

/** The site-wide sale running at `ts`, if any. */
export function saleAt(cal: MarketingCalendar, ts: number): Sale | null {
  for (const s of cal.sales) if (ts >= s.start && ts <= s.end) return s;
  return null;
}
