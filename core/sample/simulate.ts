// Simulates one customer at a time: who they are, their (drifting) behaviour type month by month,
// and every event they cause. Each customer has its own random stream derived from (seed, index),
// so a customer's data does not depend on how the run is chunked.
import {
  ACCOUNT_REGISTER_URL,
  ACCOUNT_URLS,
  CART_URL,
  CATEGORIES,
  CATEGORY_POPULARITY,
  CATEGORY_SEASON,
  CATEGORY_URLS,
  CHECKOUT_CONFIRMATION_URL,
  CHECKOUT_URL,
  COMPARE_URLS,
  CONTENT_URLS,
  FAQ_URLS,
  HOME_URL,
  PAGE_CATEGORY,
  PG_ACCOUNT,
  PG_CART,
  PG_CATEGORY,
  PG_COMPARISON,
  PG_CONTENT,
  PG_FAQ,
  PG_HOME,
  PG_PRICING,
  PG_PRODUCT,
  PG_RETURNS,
  PG_REVIEWS,
  PG_SHIPPING,
  PRICING_URLS,
  PRODUCTS,
  PRODUCTS_BY_CATEGORY,
  RETURNS_START_URL,
  RETURNS_URLS,
  SALE_URL,
  SHIPPING_URLS,
} from './catalog.ts';
import { DAY, HOUR, MINUTE, monthOf, saleAt, type Campaign, type MarketingCalendar, type Period } from './calendar.ts';
import { EventBuffer } from './events.ts';
import {
  ACQUISITION_CHANNELS,
  AGE_BANDS,
  AGE_WEIGHTS,
  BEHAVIOUR_TYPES,
  CF,
  CO,
  COOLING_SHARE,
  CS,
  DW,
  HOUR_PROFILES,
  LR,
  PARAMS,
  PS,
  READY_SHARE,
  SE,
  SOURCE_NAMES,
  TYPE_MIX,
  WB,
  type TypeParams,
} from './model.ts';
import { makePerson, type City } from './people.ts';
import { Rng, Weighted } from './random.ts';

const TYPE_COUNT = BEHAVIOUR_TYPES.length;
const NO_TYPE = 255;

// Constant strings shared by many rows (never formatted per event).
const SOURCE_PROPS = SOURCE_NAMES.map((s) => `{"source":"${s}"}`);
const PROPS_EMAIL = '{"source":"email"}';
const PROPS_SMS = '{"source":"sms"}';
const SRC_DIRECT = 0;
const SRC_AFFILIATE = 4;
const TOPIC = {
  productQuestion: '{"topic":"product_question"}',
  delivery: '{"topic":"delivery"}',
  orderStatus: '{"topic":"order_status"}',
  returnRequest: '{"topic":"return"}',
  damaged: '{"topic":"damaged_item"}',
  priceMatch: '{"topic":"price_match"}',
};
const SMS_STOP = '{"reply":"STOP"}';
const SMS_INFO = '{"reply":"INFO"}';
const CATEGORY_NAMES: readonly string[] = CATEGORIES;
const PRODUCT_WEIGHTS: readonly Weighted[] = PRODUCTS_BY_CATEGORY.map((ids) => new Weighted(ids.map((_, rank) => 1 / (1 + 0.35 * rank))));

export interface CustomerRecord {
  id: string;
  firstSeen: number;
  name: string;
  email: string;
  phone: string | null;
  country: string;
  city: string;
  attributes: string;
  /** First month index with a type (the signup month). */
  firstMonth: number;
  /** Behaviour type index per month (NO_TYPE before firstMonth). Reused between customers. */
  types: Uint8Array;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

export class CustomerSimulator {
  readonly out = new EventBuffer();
  /** Orders written so far (order ids are numbered across the whole run). */
  orders = 0;

  private readonly types: Uint8Array;
  private readonly intensity: Float64Array;
  private readonly purchaseRate = new Float64Array(TYPE_COUNT);
  private readonly signupMonths: Weighted;
  private readonly seasonCats: Weighted[];
  private readonly monthSales: Int32Array;

  // Per-customer state (reset by simulate()).
  private rng!: Rng;
  private firstSeen = 0;
  private city!: City;
  private activity = 1;
  private openMult = 1;
  private mobileOffset = 0;
  private shiftMult = 1;
  private appUser = false;
  private hourProfile = 0;
  private weekendShare = 0.3;
  private fav1 = 0;
  private fav2 = 1;
  private seasonalPhase = 0;
  private dealResponse = 0;
  private emailOptIn = false;
  private smsOptIn = false;

  // Current session.
  private sid: string | null = null;
  private sChannel = 'web';
  private sDevice: string | null = null;
  private sCampaign: string | null = null;
  private t = 0;
  private alive = false;
  private focusCat = 0;
  private focusProd = -1;
  /** Product of the page just viewed, -1 when that page was not a product page. */
  private lastViewed = -1;

  constructor(
    private readonly seed: number,
    private readonly period: Period,
    private readonly cal: MarketingCalendar,
  ) {
    this.types = new Uint8Array(period.months);
    this.intensity = new Float64Array(period.months);
    // Sign-ups: the customer base already there when the data starts, then steady growth.
    const w: number[] = [];
    for (let m = 0; m < period.months; m++) {
      const growth = period.months > 1 ? m / (period.months - 1) : 0;
      w.push(m === 0 ? 2.5 : 1 + 0.8 * growth);
    }
    this.signupMonths = new Weighted(w);
    this.seasonCats = [];
    for (let cm = 0; cm < 12; cm++) {
      this.seasonCats.push(new Weighted(CATEGORIES.map((_, c) => CATEGORY_POPULARITY[c]! * CATEGORY_SEASON[c]![cm]!)));
    }
    // Index of the first sale overlapping each month, -1 when none.
    this.monthSales = new Int32Array(period.months).fill(-1);
    for (let m = 0; m < period.months; m++) {
      const a = period.monthStart[m]!;
      const b = period.monthStart[m + 1]! - 1;
      const i = cal.sales.findIndex((s) => s.start <= b && s.end >= a);
      this.monthSales[m] = i;
    }
  }

  /** Simulates customer `index` (0-based): fills `this.out` with its events and returns its record. */
  simulate(index: number): CustomerRecord {
    const p = this.period;
    const rng = (this.rng = new Rng(this.seed, 0x5a4d91e, index));
    this.out.reset();
    const num = index + 1;
    const id = `C${String(num).padStart(6, '0')}`;

    // ---- who they are
    const t0 = rng.weighted(TYPE_MIX);
    const P0 = PARAMS[t0]!;
    const hasPhone = rng.chance(0.72);
    const person = makePerson(rng, num, hasPhone);
    this.city = person.city;
    this.emailOptIn = rng.chance(P0.emailOptIn);
    this.smsOptIn = hasPhone && rng.chance(P0.smsOptIn);
    this.activity = rng.gammaMean(1, 2.2);
    this.openMult = rng.gammaMean(1, 4);
    this.mobileOffset = rng.normal(0, 0.1);
    this.shiftMult = rng.range(0.6, 1.4);
    this.appUser = rng.chance(P0.app);
    this.hourProfile = rng.weighted(P0.hours);
    this.weekendShare = Math.min(0.7, Math.max(0.08, rng.normal(0.31, 0.11)));
    this.fav1 = rng.weighted(this.seasonCats[rng.int(12)]!);
    this.fav2 = rng.weighted(this.seasonCats[rng.int(12)]!);
    this.seasonalPhase = rng.int(3);
    this.dealResponse = rng.beta(3.5, 6.5);
    for (let t = 0; t < TYPE_COUNT; t++) this.purchaseRate[t] = -1;
    const acquisition = ACQUISITION_CHANNELS[rng.weighted(P0.acquisition)]!;
    const ageBand = AGE_BANDS[rng.weighted(AGE_WEIGHTS[t0]!)]!;
    const signupPlatform = this.appUser && rng.chance(0.5) ? 'app' : 'web';
    const attributes =
      `{"acquisition_channel":"${acquisition}","age_band":"${ageBand}","email_opt_in":${this.emailOptIn},` +
      `"sms_opt_in":${this.smsOptIn},"signup_platform":"${signupPlatform}"}`;

    // ---- when they arrive
    const fm = rng.weighted(this.signupMonths);
    const fmEnd = Math.min(p.monthStart[fm + 1]! - 1, p.endMs - 6 * HOUR);
    const fmStart = p.monthStart[fm]!;
    this.firstSeen = fmEnd > fmStart ? this.placeTime(fmStart, fmEnd) : fmStart;
    const firstSeen = this.firstSeen;

    // ---- behaviour type per month, with drift
    const types = this.types;
    const intensity = this.intensity;
    const M = p.months;
    types.fill(NO_TYPE);
    intensity.fill(0);
    for (let m = fm; m < M; m++) {
      types[m] = t0;
      intensity[m] = 1;
    }
    let readyMonth = -1;
    let readyType = -1;
    if ((t0 === PS || t0 === CS || t0 === WB) && M - fm >= 3 && rng.chance(READY_SHARE)) {
      readyMonth = fm + 1 + rng.int(M - fm - 1);
      readyType = rng.chance(0.55) ? CF : LR;
      for (let m = readyMonth; m < M; m++) types[m] = readyType;
    }
    let coolMonth = -1;
    const activeFrom = t0 === LR || t0 === CF ? fm : readyMonth;
    if (activeFrom >= 0 && M - activeFrom >= 4 && rng.chance(COOLING_SHARE)) {
      coolMonth = activeFrom + 2 + rng.int(M - activeFrom - 2);
      for (let m = coolMonth; m < M; m++) types[m] = CO;
    }
    if (t0 === CO) coolMonth = fm === 0 ? -rng.int(4) : fm; // the existing base may be cooling already
    if (t0 === CO || coolMonth >= 0) {
      const k = rng.range(0.25, 0.6);
      for (let m = Math.max(fm, coolMonth); m < M; m++) {
        const x = Math.exp(-k * (m - coolMonth));
        intensity[m] = x < 0.1 ? 0.012 : x;
      }
    }

    // ---- first visit (sign-up), maybe with a first order
    if (rng.chance(P0.firstBuy)) {
      const cat = this.chooseCategory(fm, P0);
      this.purchaseSession(firstSeen, t0, cat, this.chooseProduct(cat), null, rng.weighted(P0.sources), true);
    } else {
      this.browseSession(firstSeen, 0, t0, rng.weighted(P0.sources), null, PG_HOME, null, -1, -1, true);
    }

    // ---- marketing and everything it triggers
    this.marketing();

    // ---- month by month: browsing and purchase journeys
    for (let m = fm; m < M; m++) {
      const T = types[m]!;
      const P = PARAMS[T]!;
      const inten = intensity[m]!;
      const a = Math.max(p.monthStart[m]!, firstSeen + 30 * MINUTE);
      const b = Math.min(p.monthStart[m + 1]! - 1, p.endMs);
      if (b <= a) continue;
      const frac = (b - a) / (p.monthStart[m + 1]! - p.monthStart[m]!);
      const burst = T === SE && (p.absMonth[m]! + this.seasonalPhase) % 3 === 0;
      const sessMult = T === SE ? (burst ? 2.5 : 0.3) : 1;
      const nSessions = rng.poisson(P.sessions * this.activity * inten * sessMult * frac);
      for (let i = 0; i < nSessions; i++) {
        this.browseSession(this.placeTime(a, b), 0, T, rng.weighted(P.sources), null, -1, null, -1, -1, false);
      }
      if (m === readyMonth) {
        // The month a researcher becomes ready: a longer journey that ends in a purchase.
        this.purchaseJourney(this.placeTime(a, b), readyType, m, t0, rng.intBetween(3, 5), rng.range(8, 24));
      }
      if (T === WB || T === LR) continue; // window browsers never buy; loyal repeaters buy on a rhythm (below)
      let rate = P.purchases * this.rateOf(T) * inten * frac;
      if (T === SE) rate *= burst ? 1 : 0.04;
      const n = rng.poisson(rate);
      for (let i = 0; i < n; i++) {
        let ts = this.placeTime(a, b);
        const si = this.monthSales[m]!;
        if (T === DW && si >= 0 && rng.chance(0.85)) {
          // Deal waiters time their own purchases for a sale.
          const s = this.cal.sales[si]!;
          const lo = Math.max(a, s.start);
          const hi = Math.min(b, s.end);
          if (hi > lo) ts = this.placeTime(lo, hi);
        }
        this.purchaseJourney(ts, T, m, T, -1, -1);
      }
    }
    this.loyalPurchases(readyMonth);

    return {
      id,
      firstSeen,
      name: person.name,
      email: person.email,
      phone: person.phone,
      country: person.country,
      city: person.city.name,
      attributes,
      firstMonth: fm,
      types,
    };
  }

  // ---------------------------------------------------------------- purchase rhythm of loyal repeaters

  /** Loyal repeaters buy on a fairly regular rhythm (gamma-distributed gaps), in each loyal stretch. */
  private loyalPurchases(readyMonth: number): void {
    const p = this.period;
    const types = this.types;
    const rng = this.rng;
    let m = 0;
    while (m < p.months) {
      if (types[m] !== LR) {
        m++;
        continue;
      }
      let e = m;
      while (e + 1 < p.months && types[e + 1] === LR) e++;
      const rate = PARAMS[LR]!.purchases * this.rateOf(LR); // per month
      const gapMean = (30.4 * DAY) / Math.max(rate, 0.02);
      const segStart = Math.max(p.monthStart[m]!, this.firstSeen + HOUR);
      const segEnd = Math.min(p.monthStart[e + 1]! - 1, p.endMs);
      // After becoming ready, the ready purchase comes first; otherwise start anywhere in the rhythm.
      let t = segStart + (m === readyMonth ? gapMean * rng.range(0.6, 1.2) : rng.uniform() * gapMean);
      while (t <= segEnd) {
        const ts = this.placeTime(Math.max(segStart, t - 12 * HOUR), Math.min(segEnd, t + 12 * HOUR));
        this.purchaseJourney(ts, LR, monthOf(p, ts), LR, -1, -1);
        t += rng.gamma(4, gapMean / 4);
      }
      m = e + 1;
    }
  }

  private rateOf(T: number): number {
    let r = this.purchaseRate[T]!;
    if (r < 0) {
      r = this.rng.gammaMean(1, PARAMS[T]!.purchaseShape);
      this.purchaseRate[T] = r;
    }
    return r;
  }

  // ---------------------------------------------------------------- marketing

  private marketing(): void {
    const p = this.period;
    const rng = this.rng;
    const campaigns = this.cal.campaigns;
    const firstSeen = this.firstSeen;
    let unsubscribed = false;
    let smsStopped = false;
    let lastEngaged = firstSeen;

    if (this.emailOptIn) {
      const T = this.types[monthOf(p, firstSeen)]!;
      const P = PARAMS[T]!;
      const sent = firstSeen + rng.intBetween(2, 25) * MINUTE;
      this.email(sent, 'welcome_series', P, Math.min(0.95, P.open * 1.8 * this.openMult), 0.5, null);
    }

    // First campaign after sign-up (binary search: campaigns are in time order).
    let lo = 0;
    let hi = campaigns.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (campaigns[mid]!.ts < firstSeen + HOUR) lo = mid + 1;
      else hi = mid;
    }
    for (let ci = lo; ci < campaigns.length; ci++) {
      const c = campaigns[ci]!;
      const m = monthOf(p, c.ts);
      const T = this.types[m]!;
      const P = PARAMS[T]!;
      const inten = this.intensity[m]!;
      const discount = c.discount > 0;
      if (c.channel === 'sms') {
        if (!this.smsOptIn || smsStopped) continue;
        const sent = c.ts + rng.int(40 * MINUTE);
        this.marketingEvent(sent, 'sms_sent', 'sms', null, c.name, null);
        if (rng.chance(0.012)) {
          const stop = rng.chance(0.7);
          this.marketingEvent(sent + rng.intBetween(1, 120) * MINUTE, 'sms_reply', 'sms', null, c.name, stop ? SMS_STOP : SMS_INFO);
          if (stop) {
            smsStopped = true;
            continue;
          }
        }
        const visit = (T === DW ? 0.3 : T === WB ? 0.06 : 0.05) * (0.3 + 0.7 * inten);
        if (rng.chance(visit)) {
          const start = sent + rng.intBetween(1, 90) * MINUTE;
          this.campaignSession(start, T, m, c, PROPS_SMS, discount && rng.chance(T === DW ? this.dealResponse * 1.5 : P.campaignBuy));
        }
        continue;
      }

      // E-mail.
      if (!this.emailOptIn || unsubscribed) {
        if (T === DW && c.kind === 'sale' && rng.chance(this.dealResponse * 0.45)) {
          // Not subscribed, but deal waiters find the sale anyway (voucher sites, price alerts).
          const ts = this.habitTime(c.ts + HOUR, c.ts + 36 * HOUR);
          if (ts > 0) this.purchaseJourney(ts, T, monthOf(p, ts), T, -1, -1, null, SRC_AFFILIATE);
        }
        continue;
      }
      const sinceEngaged = c.ts - lastEngaged;
      if (sinceEngaged > 180 * DAY && c.kind !== 'sale') continue; // sunset policy: unengaged get sale mails only
      let audience: number;
      switch (c.kind) {
        case 'newsletter':
          audience = 0.45;
          break;
        case 'sale':
          audience = 0.8;
          break;
        case 'last_chance':
          audience = 0.3;
          break;
        case 'winback':
          audience = T === CO && inten < 0.6 ? 0.95 : 0;
          break;
        default: {
          const fav = c.landingCategory === this.fav1 || c.landingCategory === this.fav2;
          audience = (fav ? 0.16 : 0.035) * (sinceEngaged < 90 * DAY ? 1 : 0.3);
        }
      }
      if (!rng.chance(audience)) continue;
      const sent = c.ts + rng.int(90 * MINUTE);
      let open = P.open * this.openMult * (T === CO ? 0.25 + 0.75 * inten : 1);
      let click = P.click;
      if (discount) {
        open *= P.discountOpen;
        click *= P.discountClick;
      }
      if (T === SE && (this.period.absMonth[m]! + this.seasonalPhase) % 3 === 0) open *= 1.4;
      // > 0: clicked at that time; < 0: opened (at minus that time) without clicking; 0: ignored.
      const engaged = this.email(sent, c.name, P, Math.min(0.95, open), Math.min(0.9, click), c);
      if (engaged !== 0) lastEngaged = Math.abs(engaged);
      if (discount && T === DW && engaged <= 0 && rng.chance(this.dealResponse * 0.4)) {
        // Saw the code (opened without clicking, or in the inbox preview) and came back to use it.
        const from = Math.max(sent + 2 * HOUR, -engaged + 10 * MINUTE);
        const ts = this.habitTime(from, from + 42 * HOUR);
        if (ts > 0) this.purchaseJourney(ts, T, monthOf(p, ts), T, -1, -1, c, SRC_DIRECT);
      }
      const unsub = T === CO ? 0.004 + 0.02 * (1 - inten) : T === WB ? 0.004 : 0.0022;
      if (rng.chance(unsub)) {
        this.marketingEvent(sent + rng.intBetween(5, 600) * MINUTE, 'email_unsubscribe', 'email', null, c.name, null);
        unsubscribed = true;
      }
    }
  }

  /**
   * One e-mail: sent, maybe opened, maybe clicked (which starts a session). Returns the click time,
   * minus the open time when opened without a click, 0 when ignored.
   */
  private email(sent: number, name: string, P: TypeParams, open: number, click: number, c: Campaign | null): number {
    const rng = this.rng;
    const p = this.period;
    if (!this.marketingEvent(sent, 'email_sent', 'email', null, name, null)) return 0;
    if (!rng.chance(open)) return 0;
    const device = rng.chance(Math.min(0.9, 0.62 + this.mobileOffset)) ? 'mobile' : 'desktop';
    const opened = sent + 60_000 + Math.floor(rng.exponential(5 * HOUR));
    if (!this.marketingEvent(opened, 'email_open', 'email', device, name, null)) return 0;
    if (!rng.chance(click)) return -opened;
    const clicked = opened + 5_000 + Math.floor(rng.exponential(90_000));
    if (!this.marketingEvent(clicked, 'email_click', 'email', device, name, null, c ? c.landingUrl : HOME_URL)) return -opened;
    const m = monthOf(p, clicked);
    const T = this.types[m]!;
    const buy =
      c !== null &&
      rng.chance(c.discount > 0 ? (T === DW ? Math.min(0.95, P.campaignBuy + this.dealResponse) : P.campaignBuy) : P.campaignBuy * 0.35);
    if (c) this.campaignSession(clicked + rng.intBetween(3, 40) * 1000, T, m, c, PROPS_EMAIL, buy, device);
    else this.browseSession(clicked + rng.intBetween(3, 40) * 1000, 0, T, -1, name, PG_HOME, PROPS_EMAIL, -1, -1, false, device);
    return clicked;
  }

  private campaignSession(start: number, T: number, m: number, c: Campaign, props: string, buy: boolean, device?: string): void {
    const rng = this.rng;
    const cat = c.landingCategory >= 0 ? c.landingCategory : this.chooseCategory(m, PARAMS[T]!);
    if (buy && T !== WB) {
      const prod = c.landingProduct >= 0 ? c.landingProduct : this.chooseProduct(cat);
      // Most buy straight away; some come back within two days (a second touch).
      const later = rng.chance(0.3);
      if (later) {
        this.browseSession(start, 0.5, T, -1, c.name, c.landingKind, props, cat, prod, false, device, c.landingUrl);
        const ts = this.habitTime(start + 2 * HOUR, start + 46 * HOUR);
        if (ts > 0) this.purchaseSession(ts, T, cat, prod, c, SRC_DIRECT, false);
      } else {
        this.purchaseSession(start, T, cat, prod, c, -1, false, props, device);
      }
    } else {
      this.browseSession(start, 0, T, -1, c.name, c.landingKind, props, cat, c.landingProduct, false, device, c.landingUrl);
    }
  }

  private marketingEvent(ts: number, type: string, channel: string, device: string | null, campaign: string, props: string | null, url: string | null = null): boolean {
    if (ts > this.period.endMs || ts < this.firstSeen) return false;
    this.out.push(ts, type, channel, device, null, url, null, null, null, campaign, null, null, null, null, props);
    return true;
  }

  /** A time in [lo, hi] (clipped to the customer's window) at one of their usual hours; 0 when none. */
  private habitTime(lo: number, hi: number): number {
    const a = Math.max(lo, this.firstSeen);
    const b = Math.min(hi, this.period.endMs);
    return b >= a ? this.placeTime(a, b) : 0;
  }

  // ---------------------------------------------------------------- journeys and sessions

  /**
   * Research sessions, getting closer together and moving to desktop as the purchase nears,
   * then the purchase session at `ts`.
   */
  private purchaseJourney(
    ts: number,
    T: number,
    m: number,
    researchType: number,
    nResearch: number,
    researchDays: number,
    campaign: Campaign | null = null,
    source = -1,
  ): void {
    const rng = this.rng;
    const P = PARAMS[T]!;
    const R = PARAMS[researchType]!;
    const cat = this.chooseCategory(m, P);
    const prod = this.chooseProduct(cat);
    const n = nResearch >= 0 ? nResearch : rng.intBetween(R.research[0], R.research[1]);
    const span = (researchDays >= 0 ? researchDays : rng.range(R.researchDays[0], R.researchDays[1])) * DAY;
    for (let k = 0; k < n; k++) {
      const x = (n - k) / n; // 1 for the first research session .. 1/n for the last
      const target = ts - span * Math.pow(x, 2.2) * rng.range(0.85, 1.1);
      if (target < this.firstSeen) continue;
      // Nudged to one of the customer's usual hours, never after the purchase.
      const w = Math.min(10 * HOUR, span * Math.pow(x, 2.2) * 0.25);
      const at = this.habitTime(target - w, Math.min(target + w, ts - 30 * MINUTE));
      if (at === 0) continue;
      this.browseSession(at, 1 - x * 0.9, researchType, rng.weighted(R.sources), null, -1, null, cat, rng.chance(0.6) ? prod : -1, false);
    }
    if (rng.chance(R.supportPre)) {
      const at = Math.floor(ts - span * rng.range(0.05, 0.6) - HOUR);
      if (at >= this.firstSeen) this.support(at, researchType === DW ? TOPIC.priceMatch : TOPIC.productQuestion);
    }
    // Some get as far as checkout, leave, and complete later.
    let start = ts;
    if (rng.chance(0.08)) {
      this.purchaseSession(start, T, cat, prod, campaign, source, false, undefined, undefined, true);
      start = this.habitTime(start + HOUR, start + 30 * HOUR);
      if (start === 0) return;
    }
    this.purchaseSession(start, T, cat, prod, campaign, source, false);
  }

  private startSession(ts: number, closeness: number, T: number, source: number, campaign: string | null, props: string | null, device?: string): boolean {
    const p = this.period;
    if (ts < this.firstSeen || ts > p.endMs) {
      this.alive = false;
      return false;
    }
    const rng = this.rng;
    const P = PARAMS[T]!;
    if (device === undefined) {
      const u = rng.uniform();
      const mobile = Math.min(0.95, Math.max(0.03, P.mobile + this.mobileOffset)) * (1 - P.desktopShift * this.shiftMult * closeness);
      device = u < 0.07 ? 'tablet' : rng.chance(mobile) ? 'mobile' : 'desktop';
    }
    this.sDevice = device;
    this.sChannel = device !== 'desktop' && this.appUser && rng.chance(0.75) ? 'app' : 'web';
    this.sid = rng.u32().toString(16).padStart(8, '0') + (rng.u32() & 0xffff).toString(16).padStart(4, '0');
    this.sCampaign = campaign;
    this.t = ts;
    this.alive = true;
    const sessionProps = props ?? SOURCE_PROPS[source >= 0 ? source : rng.weighted(P.sources)]!;
    this.out.push(ts, 'session_start', this.sChannel, device, this.sid, null, null, null, null, campaign, null, null, null, null, sessionProps);
    this.t += rng.intBetween(300, 2500);
    return true;
  }

  /** Pushes an event in the current session at the current time; ends the session at the window's end. */
  private sessionEvent(type: string, url: string | null, pageCategory: string | null, product: string | null, category: string | null, orderId: string | null, amount: number | null, discount: number | null, quantity: number | null, campaign: string | null = this.sCampaign): void {
    if (!this.alive) return;
    if (this.t > this.period.endMs) {
      this.alive = false;
      return;
    }
    this.out.push(this.t, type, this.sChannel, this.sDevice, this.sid, url, pageCategory, product, category, campaign, orderId, amount, discount, quantity, null);
  }

  private advance(P: TypeParams): void {
    this.t += 3000 + Math.floor(this.rng.exponential(P.dwell * 1000));
  }

  private pageView(kind: number, T: number, P: TypeParams, landingUrl?: string): void {
    const rng = this.rng;
    const pc = PAGE_CATEGORY[kind]!;
    const previous = this.lastViewed;
    this.lastViewed = -1;
    switch (kind) {
      case PG_PRODUCT: {
        // A campaign's product landing page shows the product in focus; otherwise browse on sometimes.
        let prod = this.focusProd;
        if (prod < 0 || (landingUrl === undefined && (prod === previous || rng.chance(0.5)))) {
          if (rng.chance(P.breadth)) this.focusCat = this.chooseCategory(monthOf(this.period, this.t), P);
          prod = this.chooseProduct(this.focusCat);
          this.focusProd = prod;
        }
        const pr = PRODUCTS[prod]!;
        this.sessionEvent('page_view', pr.url, pc, pr.code, pr.category, null, null, null, null);
        this.lastViewed = prod;
        break;
      }
      case PG_REVIEWS: {
        if (this.focusProd < 0) this.focusProd = this.chooseProduct(this.focusCat);
        const pr = PRODUCTS[this.focusProd]!;
        this.sessionEvent('page_view', pr.reviewsUrl, pc, pr.code, pr.category, null, null, null, null);
        break;
      }
      case PG_CATEGORY: {
        if (landingUrl !== undefined) {
          const catName = landingUrl === SALE_URL || !landingUrl.startsWith('/category/') ? null : landingUrl.slice(10);
          this.sessionEvent('page_view', landingUrl, pc, null, catName && CATEGORY_NAMES.includes(catName) ? catName : null, null, null, null, null);
        } else if (T === DW && rng.chance(0.5)) {
          this.sessionEvent('page_view', SALE_URL, pc, null, null, null, null, null, null);
        } else {
          if (rng.chance(P.breadth * 0.5)) this.focusCat = this.chooseCategory(monthOf(this.period, this.t), P);
          this.sessionEvent('page_view', CATEGORY_URLS[this.focusCat]!, pc, null, CATEGORY_NAMES[this.focusCat]!, null, null, null, null);
        }
        break;
      }
      case PG_COMPARISON: {
        const urls = COMPARE_URLS[this.focusCat]!;
        this.sessionEvent('page_view', urls[rng.int(urls.length)]!, pc, null, CATEGORY_NAMES[this.focusCat]!, null, null, null, null);
        break;
      }
      case PG_HOME:
        this.sessionEvent('page_view', HOME_URL, pc, null, null, null, null, null, null);
        break;
      case PG_CONTENT:
        this.sessionEvent('page_view', landingUrl ?? CONTENT_URLS[rng.int(CONTENT_URLS.length)]!, pc, null, null, null, null, null, null);
        break;
      case PG_FAQ:
        this.sessionEvent('page_view', FAQ_URLS[rng.int(FAQ_URLS.length)]!, pc, null, null, null, null, null, null);
        break;
      case PG_RETURNS:
        this.sessionEvent('page_view', RETURNS_URLS[rng.int(RETURNS_URLS.length)]!, pc, null, null, null, null, null, null);
        break;
      case PG_SHIPPING:
        this.sessionEvent('page_view', SHIPPING_URLS[rng.int(SHIPPING_URLS.length)]!, pc, null, null, null, null, null, null);
        break;
      case PG_PRICING:
        this.sessionEvent('page_view', PRICING_URLS[rng.int(PRICING_URLS.length)]!, pc, null, null, null, null, null, null);
        break;
      case PG_CART:
        this.sessionEvent('page_view', CART_URL, pc, null, null, null, null, null, null);
        break;
      case PG_ACCOUNT:
        this.sessionEvent('page_view', ACCOUNT_URLS[rng.int(ACCOUNT_URLS.length)]!, pc, null, null, null, null, null, null);
        break;
    }
    this.advance(P);
  }

  private landing(T: number, P: TypeParams, landingKind: number, landingUrl?: string): void {
    let kind = landingKind;
    if (kind < 0) {
      const u = this.rng.uniform();
      kind = u < 0.3 ? PG_HOME : u < 0.55 ? PG_CATEGORY : u < 0.9 ? PG_PRODUCT : PG_CONTENT;
    }
    this.pageView(kind, T, P, landingUrl);
  }

  private browseSession(
    ts: number,
    closeness: number,
    T: number,
    source: number,
    campaign: string | null,
    landingKind: number,
    props: string | null,
    cat: number,
    prod: number,
    signup: boolean,
    device?: string,
    landingUrl?: string,
  ): void {
    const rng = this.rng;
    const P = PARAMS[T]!;
    if (!this.startSession(ts, closeness, T, source, campaign, props, device)) return;
    this.focusCat = cat >= 0 ? cat : this.chooseCategory(monthOf(this.period, ts), P);
    this.focusProd = prod;
    this.landing(T, P, landingKind, landingUrl);
    const inten = this.intensity[monthOf(this.period, ts)]!;
    const n = rng.geometric(P.pages * (T === CO ? 0.5 + 0.5 * inten : 1) * (closeness > 0 ? 1.15 : 1));
    for (let i = 0; i < n && this.alive; i++) {
      if (signup && i === 1) this.signupEvent(P);
      this.pageView(rng.weighted(P.pageTable), T, P);
    }
    if (signup && n <= 1) this.signupEvent(P);
    if (this.focusProd >= 0 && rng.chance(P.cartAbandon * (1 + closeness))) {
      const pr = PRODUCTS[this.focusProd]!;
      this.sessionEvent('add_to_cart', pr.url, 'product', pr.code, pr.category, null, pr.price, null, 1);
      this.advance(P);
      if (rng.chance(0.5)) this.pageView(PG_CART, T, P);
    }
  }

  private signupEvent(P: TypeParams): void {
    this.sessionEvent('signup', ACCOUNT_REGISTER_URL, 'account', null, null, null, null, null, null);
    this.advance(P);
  }

  /**
   * A session that ends in an order (or, with `abandon`, at checkout). `campaign` is the campaign
   * the order is attributed to; its discount applies.
   */
  private purchaseSession(
    ts: number,
    T: number,
    cat: number,
    prod: number,
    campaign: Campaign | null,
    source: number,
    signup: boolean,
    props?: string,
    device?: string,
    abandon = false,
  ): void {
    const rng = this.rng;
    const P = PARAMS[T]!;
    const campaignName = campaign ? campaign.name : null;
    // The session carries the campaign when it came from the message; a later direct visit does not,
    // but the order is still attributed to the campaign whose code it uses.
    if (!this.startSession(ts, 1, T, source, props ? campaignName : null, props ?? null, device)) return;
    this.focusCat = cat;
    this.focusProd = prod;
    if (campaign) this.pageView(campaign.landingKind, T, P, campaign.landingUrl);
    else this.landing(T, P, rng.chance(0.5) ? PG_PRODUCT : -1);
    const extra = rng.geometric(P.pages * 0.2);
    for (let i = 0; i < extra && this.alive; i++) this.pageView(rng.weighted(P.pageTable), T, P);

    // Order lines: the product in focus, sometimes one or two more.
    const lines = 1 + (rng.chance(P.extraLines) ? (rng.chance(0.25) ? 2 : 1) : 0);
    const linesProd = [prod];
    for (let i = 1; i < lines; i++) {
      const c = rng.chance(0.5) ? cat : this.chooseCategory(monthOf(this.period, ts), P);
      linesProd.push(this.chooseProduct(c));
    }
    const qty: number[] = [];
    let subtotal = 0;
    let units = 0;
    for (const li of linesProd) {
      const pr = PRODUCTS[li]!;
      const q = pr.maxQuantity > 1 && rng.chance(0.3) ? rng.intBetween(2, pr.maxQuantity) : 1;
      qty.push(q);
      subtotal += pr.price * q;
      units += q;
      if (this.lastViewed !== li) {
        this.sessionEvent('page_view', pr.url, 'product', pr.code, pr.category, null, null, null, null);
        this.advance(P);
      }
      this.lastViewed = -1;
      this.sessionEvent('add_to_cart', pr.url, 'product', pr.code, pr.category, null, pr.price * q, null, q);
      this.t += rng.intBetween(2, 20) * 1000;
    }
    if (signup) this.signupEvent(P);
    if (rng.chance(0.5)) {
      this.sessionEvent('page_view', CART_URL, 'cart', null, null, null, null, null, null);
      this.advance(P);
    }
    this.sessionEvent('checkout_start', CHECKOUT_URL, 'checkout', null, null, null, round2(subtotal), null, units);
    this.t += 20_000 + Math.floor(rng.exponential(80_000));
    if (abandon || !this.alive || this.t > this.period.endMs) {
      this.alive = false;
      return;
    }

    // Discount: the campaign's, a site-wide sale's, or a voucher code.
    let rate = 0;
    if (campaign && campaign.discount > 0) {
      rate = campaign.discount;
    } else {
      const sale = saleAt(this.cal, this.t);
      if (sale && rng.chance(P.saleUse)) rate = sale.discount;
      else if (rng.chance(P.voucher)) rate = rng.chance(0.6) ? 0.1 : 0.15;
    }
    const orderId = `O${String(++this.orders).padStart(7, '0')}`;
    const purchasedAt = this.t;
    const orderDevice = this.sDevice;
    const nets: number[] = [];
    for (let i = 0; i < linesProd.length; i++) {
      const pr = PRODUCTS[linesProd[i]!]!;
      const gross = pr.price * qty[i]!;
      const disc = round2(gross * rate);
      const net = round2(gross - disc);
      nets.push(net);
      this.sessionEvent('purchase', CHECKOUT_CONFIRMATION_URL, 'checkout', pr.code, pr.category, orderId, net, disc, qty[i]!, campaignName);
      this.t += 1;
    }
    this.alive = false;
    // Returns: some lines come back a few days to a few weeks later (each in a session of its own).
    for (let i = 0; i < linesProd.length; i++) {
      if (rng.chance(P.returnRate * (rate > 0 ? 1.15 : 1))) this.returnLine(purchasedAt, T, linesProd[i]!, orderId, nets[i]!, qty[i]!, orderDevice);
    }
    // Where is my order? (more for people who want it quickly)
    if (rng.chance(T === CF ? 0.07 : 0.03)) {
      const at = purchasedAt + Math.floor(rng.range(2, 7) * DAY);
      if (at <= this.period.endMs) this.support(at, rng.chance(0.6) ? TOPIC.orderStatus : TOPIC.delivery);
    }
  }

  private returnLine(purchasedAt: number, T: number, product: number, orderId: string, net: number, quantity: number, device: string | null): void {
    const rng = this.rng;
    const P = PARAMS[T]!;
    const due = purchasedAt + (3 + rng.exponential(7)) * DAY;
    if (due > this.period.endMs) return;
    const at = this.habitTime(due - 12 * HOUR, due + 12 * HOUR);
    if (at === 0) return;
    const pr = PRODUCTS[product]!;
    const topic = rng.chance(0.3) ? TOPIC.damaged : TOPIC.returnRequest;
    if (rng.chance(T === PS ? 0.55 : 0.3)) this.support(at - Math.floor(rng.range(1, 30) * HOUR), topic);
    if (rng.chance(0.65) && this.startSession(at, 0, T, SRC_DIRECT, null, null, device ?? undefined)) {
      this.focusCat = pr.categoryIndex;
      this.focusProd = product;
      this.pageView(PG_RETURNS, T, P);
      this.sessionEvent('page_view', RETURNS_START_URL, 'returns', null, null, null, null, null, null);
      this.advance(P);
      this.sessionEvent('return', RETURNS_START_URL, 'returns', pr.code, pr.category, orderId, -net, null, quantity, null);
      this.alive = false;
    } else if (at >= this.firstSeen) {
      // Sent back by post / via the courier: no web session.
      this.out.push(at, 'return', 'web', null, null, null, null, pr.code, pr.category, null, orderId, -net, null, quantity, null);
    }
  }

  private support(at: number, topic: string): void {
    if (at < this.firstSeen || at > this.period.endMs) return;
    this.out.push(at, 'support_contact', 'support', null, null, null, null, null, null, null, null, null, null, null, topic);
  }

  // ---------------------------------------------------------------- choices

  private chooseCategory(m: number, P: TypeParams): number {
    const rng = this.rng;
    if (rng.chance(P.breadth)) return rng.weighted(this.seasonCats[this.period.calMonth[m]!]!);
    return rng.chance(0.65) ? this.fav1 : this.fav2;
  }

  private chooseProduct(cat: number): number {
    const ids = PRODUCTS_BY_CATEGORY[cat]!;
    return ids[this.rng.weighted(PRODUCT_WEIGHTS[cat]!)]!;
  }

  /** A time in [a, b] at one of the customer's usual hours, weekend or not as they tend to. */
  private placeTime(a: number, b: number): number {
    const p = this.period;
    const rng = this.rng;
    if (b - a < 2 * HOUR) return Math.floor(a + rng.uniform() * (b - a));
    const d0 = Math.max(0, Math.floor((a - p.startMs) / DAY));
    const d1 = Math.min(p.days - 1, Math.floor((b - p.startMs) / DAY));
    const wantWeekend = rng.chance(this.weekendShare) ? 1 : 0;
    for (let tries = 0; tries < 6; tries++) {
      let d = d0 + rng.int(d1 - d0 + 1);
      // A range of a week or more has both kinds of day: draw until the day suits the customer.
      for (let k = 0; k < 12 && d1 - d0 >= 6 && p.dayWeekend[d] !== wantWeekend; k++) d = d0 + rng.int(d1 - d0 + 1);
      const profile = rng.chance(0.8) ? this.hourProfile : rng.int(HOUR_PROFILES.length);
      const [mean, sd] = HOUR_PROFILES[profile]!;
      let hour = rng.normal(mean, sd);
      hour = ((hour % 24) + 24) % 24;
      const offset = this.city.utcOffset + (this.city.dst && p.daySummer[d] ? 1 : 0);
      const ts = Math.floor(p.startMs + d * DAY + (hour - offset) * HOUR);
      if (ts >= a && ts <= b) return ts;
    }
    return Math.floor(a + rng.uniform() * (b - a));
  }
}

export { BEHAVIOUR_TYPES, NO_TYPE };
