// First guess of what a file is (customers, orders, events) and which column fills which field,
// so the analyst only confirms. Names are matched case-, space- and punctuation-insensitively
// against synonym lists written from real exports (Online Retail, Shopify, Klaviyo, GA4, CRMs);
// sample values veto names that lie (a "Discount Code" is not a discount amount) and carry the
// whole inference when the file has no header (CDNOW).
import { detectDateFormat, usesTwoDigitYears } from './dates.ts';
import { parseNumber } from './numbers.ts';
import { findDuplicateNames } from './sniff.ts';
import {
  CUSTOMER_FIELDS,
  EVENT_FIELDS,
  ORDER_FIELDS,
  type ColumnMapping,
  type DateDetection,
  type DateFormat,
  type ImportKind,
  type TargetField,
} from './types.ts';

export interface MappingInference {
  kind: ImportKind;
  mapping: ColumnMapping;
  dates: DateDetection[];
  warnings: string[];
}

/** `Customer ID`, `customer_id`, `customer-id` and `CustomerID` all become `customerid`. */
export function nameKey(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

const GENERATED_NAME = /^column \d+$/;

/** True when the names were generated because the file has no header. */
export function isHeaderless(columns: string[]): boolean {
  return columns.length > 0 && columns.every((c) => GENERATED_NAME.test(c));
}

// ---------------------------------------------------------------------------------------------
// Synonyms, best first. `ts` and `first_seen` share some names (created_at): which one applies
// depends on the kind of file, decided later. A few German, French, Spanish and Dutch names of
// the core fields are included for European shop exports; contact fields are English only.

type Role = TargetField;

const EXACT: Record<Role, readonly string[]> = {
  customer_id: [
    'customerid', 'customer', 'customerno', 'customernumber', 'customercode', 'custid', 'userid', 'user',
    'clientid', 'client', 'contactid', 'contact', 'memberid', 'member', 'accountid', 'visitorid', 'personid',
    'profileid', 'userpseudoid', 'distinctid', 'anonymousid', 'shopperid', 'buyerid', 'kunde', 'kundennummer',
    'kundenid', 'idclient', 'numeroclient', 'cliente', 'idcliente', 'klant', 'klantnummer',
  ],
  ts: [
    'timestamp', 'ts', 'eventtime', 'eventtimestamp', 'datetime', 'time', 'date', 'invoicedate', 'createdat',
    'orderdate', 'orderdatetime', 'transactiondate', 'purchasedate', 'occurredat', 'eventdate', 'sentat',
    'processedat', 'paidat', 'created', 'datecreated', 'zeit', 'zeitpunkt', 'zeitstempel', 'datum', 'horodatage',
    'fecha', 'tijdstip',
  ],
  first_seen: [
    'firstseen', 'firstseenat', 'signupdate', 'signedupat', 'registered', 'registeredat', 'registrationdate',
    'customersince', 'datejoined', 'joined', 'joinedat', 'firstorderdate', 'firstpurchasedate', 'createdat',
    'created', 'datecreated',
  ],
  // Shopify's "Name" holds the order name (#1001); the value check below accepts it only then.
  order_id: [
    'orderid', 'invoiceno', 'invoice', 'order', 'ordernumber', 'orderno', 'transactionid', 'invoiceid',
    'invoicenumber', 'ordername', 'receiptnumber', 'name',
  ],
  // Codes before names: a code identifies the product; a description stays in props (unmapped),
  // where it is still shown. A description is the product only when there is no code column.
  product: [
    'productid', 'sku', 'stockcode', 'productcode', 'itemid', 'itemcode', 'articleid', 'lineitemsku', 'product',
    'item', 'productname', 'itemname', 'lineitemname', 'description',
  ],
  category: ['category', 'productcategory', 'productgroup', 'itemcategory', 'department', 'producttype'],
  quantity: [
    'quantity', 'qty', 'lineitemquantity', 'units', 'unitssold', 'quantityordered', 'numberofitems', 'itemcount',
    'menge', 'anzahl', 'quantité', 'cantidad', 'aantal',
  ],
  unit_price: ['unitprice', 'price', 'lineitemprice', 'itemprice', 'priceeach', 'unitcost', 'preis', 'einzelpreis', 'prix', 'precio', 'prijs'],
  amount: [
    'amount', 'revenue', 'total', 'value', 'sales', 'ordertotal', 'totalamount', 'totalprice', 'linetotal',
    'lineamount', 'grandtotal', 'ordervalue', 'purchasevalue', 'eventvalue', 'purchaserevenue', 'betrag', 'umsatz',
    'montant', 'importe', 'bedrag',
  ],
  // Line-level discounts first: rows are order lines.
  discount: ['discount', 'lineitemdiscount', 'couponvalue', 'discountamount', 'discountvalue', 'totaldiscount', 'totaldiscounts'],
  email: ['email', 'emailaddress', 'mail', 'customeremail', 'contactemail', 'useremail', 'courriel', 'correo'],
  phone: ['phone', 'mobile', 'tel', 'telephone', 'phonenumber', 'mobilephone', 'mobilenumber', 'cell', 'cellphone'],
  name: ['name', 'fullname', 'customername', 'contactname', 'clientname', 'displayname'],
  country: ['country', 'countrycode', 'countryname'],
  city: ['city', 'town'],
  type: [
    'event', 'eventtype', 'type', 'action', 'eventname', 'activity', 'activitytype', 'metric', 'metricname', 'ereignis',
    'événement', 'evento',
  ],
  url: ['url', 'page', 'pageurl', 'path', 'pagepath', 'pagelocation', 'landingpage'],
  channel: ['channel', 'source', 'medium', 'utmsource', 'utmmedium', 'trafficsource', 'sourcemedium', 'channelgrouping'],
  device: ['device', 'devicetype', 'devicecategory', 'platform'],
  session_id: ['session', 'sessionid', 'gasessionid', 'visitid'],
  campaign: ['campaign', 'utmcampaign', 'campaignname', 'campaignid'],
  page_category: ['pagecategory', 'pagetype'],
};

/** Second pass, for roles still open: names that end like this ("Billing Country", "Order Date"). */
const SUFFIX: Partial<Record<Role, readonly string[]>> = {
  customer_id: ['customerid', 'userid', 'clientid', 'contactid', 'memberid', 'accountid', 'visitorid'],
  order_id: ['orderid', 'ordernumber', 'invoiceno', 'invoicenumber', 'transactionid'],
  ts: ['timestamp', 'datetime', 'date', 'time'],
  quantity: ['quantity', 'qty'],
  unit_price: ['unitprice', 'price'],
  amount: ['amount', 'revenue', 'total', 'sales', 'value'],
  discount: ['discount', 'discountamount'],
  email: ['email', 'emailaddress'],
  phone: ['phone', 'mobile', 'phonenumber'],
  country: ['country', 'countrycode'],
  city: ['city'],
  url: ['url', 'pageurl', 'pagelocation'],
  session_id: ['sessionid'],
  campaign: ['campaign', 'campaignname', 'campaignid'],
  device: ['device', 'devicetype', 'devicecategory'],
  product: ['sku', 'productid', 'productcode', 'productname', 'itemname'],
  channel: ['channel', 'utmsource', 'utmmedium'],
  type: ['eventtype', 'eventname'],
};

/** A suffix match on these is about something else ("Refunded Amount", "Shipping Price"). */
const SUFFIX_EXCLUDES: Partial<Record<Role, readonly string[]>> = {
  amount: ['refund', 'tax', 'shipping', 'discount', 'compare', 'cost', 'duties'],
  unit_price: ['compare', 'shipping', 'cost'],
  ts: ['birth', 'dob', 'update', 'modified', 'cancel', 'due', 'expir'],
};

/** Order in which roles pick columns: the more specific first, so they win a contested column. */
const ROLE_ORDER: readonly Role[] = [
  'type', 'order_id', 'customer_id', 'ts', 'quantity', 'unit_price', 'discount', 'amount', 'email', 'phone',
  'name', 'country', 'city', 'url', 'page_category', 'session_id', 'device', 'campaign', 'channel', 'product',
  'category',
];

// ---------------------------------------------------------------------------------------------
// Column profiles: what the sample values look like

interface Profile {
  name: string;
  key: string;
  values: string[]; // non-blank, trimmed
  blankRows: boolean[]; // per sample row
  numeric: boolean; // >= 90% parse as numbers
  integers: boolean; // all parse as integers written without a fraction
  fractional: boolean; // numeric and some value has a fractional part
  leadingZeros: boolean; // some value is digits with a leading zero (00001)
  maxAbs: number;
  numericShare: number;
  /** Strict detection (95% of values), and a majority one that tolerates bad values. */
  date: DateDetection;
  dateLike: boolean;
  majorityDate: DateDetection;
  majorityDateLike: boolean;
  emails: boolean; // >= 90% look like email addresses
  urls: boolean;
  orderNames: boolean; // #1001 style (Shopify order names)
  distinct: boolean; // no value repeats in the sample
}

const INTEGER_TEXT = /^[+-]?\d+$/;
const EMAIL_TEXT = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const URL_TEXT = /^(https?:\/\/|\/)\S*$/i;
const ORDER_NAME_TEXT = /^#\S+$/;

function share(values: string[], test: (v: string) => boolean): number {
  if (values.length === 0) return 0;
  let n = 0;
  for (const v of values) if (test(v)) n++;
  return n / values.length;
}

function profileColumn(name: string, index: number, sample: string[][]): Profile {
  const blankRows: boolean[] = [];
  const values: string[] = [];
  for (const row of sample) {
    const v = (row[index] ?? '').trim();
    blankRows.push(v === '');
    if (v !== '') values.push(v);
  }
  const numbers = values.map((v) => parseNumber(v) ?? parseNumber(v, true));
  const numericShare = values.length === 0 ? 0 : numbers.filter((n) => n !== null).length / values.length;
  const numeric = values.length > 0 && numericShare >= 0.9;
  const integers = values.length > 0 && values.every((v) => INTEGER_TEXT.test(v));
  const fractional = numeric && numbers.some((n) => n !== null && !Number.isInteger(n));
  const date = detectDateFormat(name, values);
  const majorityDate = date.format !== null || date.ambiguous ? date : detectDateFormat(name, values, 0.5);
  return {
    name,
    key: nameKey(name),
    values,
    blankRows,
    numeric,
    integers,
    fractional,
    leadingZeros: values.some((v) => v.length > 1 && v[0] === '0' && INTEGER_TEXT.test(v)),
    maxAbs: numbers.reduce<number>((m, n) => (n === null ? m : Math.max(m, Math.abs(n))), 0),
    numericShare,
    date,
    dateLike: date.format !== null || date.ambiguous,
    majorityDate,
    majorityDateLike: majorityDate.format !== null || majorityDate.ambiguous,
    emails: share(values, (v) => EMAIL_TEXT.test(v)) >= 0.9,
    urls: share(values, (v) => URL_TEXT.test(v)) >= 0.9,
    orderNames: share(values, (v) => ORDER_NAME_TEXT.test(v)) >= 0.9,
    distinct: new Set(values).size === values.length,
  };
}

/** Below this many sample values, an exact name is trusted over the values. */
const FEW_VALUES = 3;

/**
 * Whether the sample lets a column play a role. Dates must read as dates, measures as numbers;
 * a "Name" of #1001 values is an order, not a person.
 * An exact name (`strict` false) is vetoed only by clear evidence: at least three values, most
 * of them wrong. A few bad values are then the import's business, reported row by row with a
 * reason, rather than a reason to lose the column. Weaker matches (name suffixes, values alone)
 * must fit nearly all values.
 */
function valuesFit(role: Role, p: Profile, strict: boolean): boolean {
  if (p.key === 'name' && (role === 'order_id' || role === 'name')) {
    // Shopify's "Name" column: an order name (#1001) or a person, never both.
    return role === 'order_id' ? p.values.length > 0 && p.orderNames : !p.orderNames && !p.numeric;
  }
  if (p.values.length === 0) return true;
  if (!strict && p.values.length < FEW_VALUES) return true;
  switch (role) {
    case 'ts':
    case 'first_seen':
      return strict ? p.dateLike : p.majorityDateLike;
    case 'quantity':
    case 'unit_price':
    case 'amount':
    case 'discount':
      return strict ? p.numeric : p.numericShare >= 0.5;
    case 'name':
      return !p.orderNames && !p.numeric;
    case 'email':
      return share(p.values, (v) => v.includes('@')) >= 0.5;
    case 'type':
    case 'country':
    case 'city':
    case 'device':
    case 'channel':
      return !p.numeric;
    default:
      return true;
  }
}

// ---------------------------------------------------------------------------------------------
// Assignment

type Found = Partial<Record<Role, number>>;

function assignByName(profiles: Profile[]): { found: Found; firstSeen: number | undefined } {
  const used = new Set<number>();
  const found: Found = {};
  const pick = (role: Role, match: (key: string, syn: string) => boolean, synonyms: readonly string[], strict: boolean) => {
    for (const syn of synonyms) {
      for (let i = 0; i < profiles.length; i++) {
        const p = profiles[i]!;
        if (used.has(i) || !match(p.key, syn) || !valuesFit(role, p, strict)) continue;
        found[role] = i;
        used.add(i);
        return;
      }
    }
  };
  for (const role of ROLE_ORDER) pick(role, (key, syn) => key === syn, EXACT[role], false);
  for (const role of ROLE_ORDER) {
    const suffixes = SUFFIX[role];
    if (found[role] !== undefined || suffixes === undefined) continue;
    const excludes = SUFFIX_EXCLUDES[role] ?? [];
    pick(role, (key, syn) => key.endsWith(syn) && !excludes.some((x) => key.includes(x)), suffixes, true);
  }
  // first_seen may reuse the ts column: only one of them survives, depending on the kind.
  let firstSeen: number | undefined;
  for (const syn of EXACT.first_seen) {
    const i = profiles.findIndex((p, j) => p.key === syn && (!used.has(j) || j === found.ts) && valuesFit('first_seen', p, false));
    if (i >= 0) {
      firstSeen = i;
      break;
    }
  }
  return { found, firstSeen };
}

/**
 * Without a header the values are all there is (CDNOW: `00001 19970101 1 11.77`): the date
 * column is the timestamp, the leftmost id-like column the customer, a column of small whole
 * numbers without leading zeros the quantity, a column with fractions the amount.
 */
function assignByValues(profiles: Profile[]): Found {
  const found: Found = {};
  const used = new Set<number>();
  const take = (role: Role, test: (p: Profile) => boolean) => {
    const i = profiles.findIndex((p, j) => !used.has(j) && p.values.length > 0 && test(p));
    if (i >= 0) {
      found[role] = i;
      used.add(i);
    }
  };
  take('ts', (p) => p.dateLike);
  take('email', (p) => p.emails);
  take('url', (p) => p.urls);
  take('customer_id', (p) => !p.fractional && (p.integers || /^[\w-]+$/.test(p.values[0]!)) && p.values.every((v) => !/\s/.test(v)));
  take('quantity', (p) => p.integers && !p.leadingZeros && p.maxAbs <= 1000);
  take('amount', (p) => p.fractional);
  return found;
}

// ---------------------------------------------------------------------------------------------
// Inference

/**
 * Fields a mapping may fill per kind. Order and event files often carry the customer's contact
 * details and country on every row (Online Retail's Country, Shopify's Email and Billing
 * Country); the converter turns those into customer fields, so they are mapped for every kind.
 */
const CONTACT_FIELDS = ['name', 'email', 'phone', 'country', 'city'] as const satisfies readonly TargetField[];
const KIND_FIELDS: Record<ImportKind, readonly TargetField[]> = {
  customers: CUSTOMER_FIELDS,
  orders: [...ORDER_FIELDS, ...CONTACT_FIELDS],
  events: [...EVENT_FIELDS, ...CONTACT_FIELDS],
};

/** Event type columns whose name leaves no doubt, even without a timestamp column. */
const STRONG_TYPE_KEYS = new Set(['event', 'eventtype', 'eventname']);

function quoteList(names: string[]): string {
  return names.map((n) => `"${n}"`).join(', ');
}

/**
 * The kind of file and a mapping of its columns, from the column names and the first rows.
 * `hint` (the analyst's choice) overrides the kind; the fields are still inferred.
 *
 * Kind: events when there is an event-type column; orders when there is a quantity, price,
 * amount or order id and a timestamp; customers when there is no per-row timestamp, when the
 * only date is named like a sign-up date, or when the date comes with a customer id that never
 * repeats in the sample (a created-at date); events otherwise.
 */
export function inferMapping(columns: string[], sample: string[][], hint?: ImportKind): MappingInference {
  const warnings: string[] = [];
  const duplicates = findDuplicateNames(columns);
  if (duplicates.length > 0) {
    warnings.push(`The header has duplicate column names (${quoteList(duplicates)}): only the first column of each name can be mapped; rename the others in the file.`);
  }

  const profiles = columns.map((name, i) => profileColumn(name, i, sample));
  const headerless = isHeaderless(columns);
  let found: Found;
  let firstSeen: number | undefined;
  if (headerless) {
    found = assignByValues(profiles);
    warnings.push('The file has no header row: columns were recognised from their values. Check the mapping.');
  } else {
    ({ found, firstSeen } = assignByName(profiles));
    if (found.ts === undefined) {
      // A date column under a name we do not know ("Day", "Wann"): take it when it is written
      // as a date. Bare numbers are not taken here, ids too often look like epochs.
      const i = profiles.findIndex(
        (p, j) => !Object.values(found).includes(j) && p.dateLike && p.date.format !== 'epoch-s' && p.date.format !== 'epoch-ms' && p.date.format !== 'yyyymmdd',
      );
      if (i >= 0) found.ts = i;
    }
  }

  for (const p of profiles) {
    const namedTs = EXACT.ts.includes(p.key) || p.key.endsWith('timestamp');
    if (namedTs && p.values.length > 0 && !p.dateLike && found.ts !== profiles.indexOf(p)) {
      warnings.push(`"${p.name}" is named like a timestamp but its values (e.g. ${p.values[0]}) are not in a date format the importer reads.`);
    }
  }

  // Kind
  const orderish = [found.quantity, found.unit_price, found.amount, found.order_id].some((i) => i !== undefined);
  const idCol = found.customer_id ?? found.email;
  const tsCol = found.ts;
  let kind: ImportKind;
  if (hint !== undefined) kind = hint;
  else if (found.type !== undefined && (tsCol !== undefined || STRONG_TYPE_KEYS.has(profiles[found.type]!.key))) kind = 'events';
  else if (orderish && tsCol !== undefined) kind = 'orders';
  else if (tsCol === undefined) kind = 'customers';
  else if (firstSeen === tsCol && !EXACT.ts.includes(profiles[tsCol]!.key)) kind = 'customers'; // "signup_date"
  else if (idCol !== undefined && profiles[idCol]!.values.length >= 2 && profiles[idCol]!.distinct) kind = 'customers';
  else kind = 'events';

  // Fields allowed for the kind
  const fields: Partial<Record<TargetField, string>> = {};
  const allowed = new Set<TargetField>(KIND_FIELDS[kind]);
  const set = (field: TargetField, index: number | undefined) => {
    if (index !== undefined && allowed.has(field)) fields[field] = columns[index]!;
  };
  for (const role of ROLE_ORDER) if (role !== 'ts' && role !== 'category') set(role, found[role]);

  // Timestamps
  const timeCol = kind === 'customers' ? (firstSeen ?? tsCol) : tsCol;
  set(kind === 'customers' ? 'first_seen' : 'ts', timeCol);
  if (timeCol === undefined && kind !== 'customers') {
    warnings.push(`No timestamp column found: choose the column with the date and time of each ${kind === 'orders' ? 'order line' : 'event'}.`);
  }

  // Customer id, falling back to the email address
  if (found.customer_id === undefined) {
    const idByName = kind === 'customers' ? profiles.findIndex((p) => p.key === 'id') : -1;
    if (idByName >= 0) set('customer_id', idByName);
    else if (found.email !== undefined) {
      fields.customer_id = columns[found.email]!;
      warnings.push(`No customer id column: "${columns[found.email]}" (email) is used as the customer id.`);
    } else warnings.push('No customer id column found: choose the column that identifies the customer.');
  }

  // Category: a page category in a web-events file without products, else a product category.
  if (found.category !== undefined) {
    const pageish = kind === 'events' && found.url !== undefined && found.product === undefined && found.page_category === undefined;
    set(pageish ? 'page_category' : 'category', found.category);
  }

  // Names in two columns stay attributes/props: joining them is a choice the analyst makes.
  if (fields.name === undefined) {
    const first = profiles.find((p) => p.key === 'firstname');
    const last = profiles.find((p) => p.key === 'lastname' || p.key === 'surname');
    if (first && !last) fields.name = first.name;
    else if (first && last) {
      warnings.push(`First and last names are in separate columns ("${first.name}", "${last.name}"): they are kept as they are and the name field is left unmapped.`);
    }
  }

  if (kind === 'events' && fields.type === undefined) {
    warnings.push('No event type column found: choose the column that says what happened (page view, purchase, ...).');
  }

  if (kind === 'orders') orderAmountRules(fields, found, profiles, columns, warnings);

  // Date format
  let dateFormat: DateFormat = 'iso';
  if (timeCol !== undefined) {
    const d = profiles[timeCol]!.majorityDate;
    if (d.ambiguous) {
      dateFormat = d.candidates[0] ?? 'dmy';
      warnings.push(
        `Dates in "${columns[timeCol]}" read both as day/month/year and as month/day/year (e.g. ${d.examples[0] ?? '01/02/2024'}): choose the format before importing (day/month/year is preselected).`,
      );
    } else if (d.format !== null) dateFormat = d.format;
    if ((dateFormat === 'dmy' || dateFormat === 'mdy') && usesTwoDigitYears(profiles[timeCol]!.values)) {
      warnings.push(`Dates in "${columns[timeCol]}" have two-digit years: they are read as 20yy.`);
    }
  }
  const dates: DateDetection[] = [];
  profiles.forEach((p, i) => {
    if (i === timeCol) dates.push(p.majorityDate);
    else if (p.dateLike) dates.push(p.date);
  });

  // Fields in the kind's own order, so previews and saved mappings read the same way every time.
  const ordered: Partial<Record<TargetField, string>> = {};
  for (const f of KIND_FIELDS[kind]) if (fields[f] !== undefined) ordered[f] = fields[f];
  return {
    kind,
    mapping: {
      kind,
      fields: ordered,
      dateFormat,
      timezone: 'UTC',
      personal: { email: 'keep', phone: 'keep', name: 'keep' },
      ignore: [],
    },
    dates,
    warnings,
  };
}

/**
 * Amounts of order lines. Without an amount, quantity × unit price is what the loader computes.
 * An amount column that is blank on lines that have a quantity is an order total written on the
 * first line only (Shopify's "Total"): mapped, it would mix order totals with computed line
 * amounts, so it is left in props and line amounts are computed.
 */
function orderAmountRules(
  fields: Partial<Record<TargetField, string>>,
  found: Found,
  profiles: Profile[],
  columns: string[],
  warnings: string[],
): void {
  const q = found.quantity;
  const up = found.unit_price;
  const a = found.amount;
  const canCompute = q !== undefined && up !== undefined;
  if (a !== undefined && canCompute) {
    const qBlank = profiles[q]!.blankRows;
    const aBlank = profiles[a]!.blankRows;
    const orderLevel = aBlank.some((blank, row) => blank && !qBlank[row]);
    if (orderLevel) {
      delete fields.amount;
      warnings.push(
        `"${columns[a]}" is filled only on some lines of an order (an order total), so it is not used as the line amount: amount = quantity × unit price.`,
      );
      return;
    }
  }
  if (fields.amount === undefined) {
    if (canCompute) warnings.push(`No amount column: amount will be computed as quantity ("${columns[q]}") × unit price ("${columns[up]}").`);
    else warnings.push('No amount column, and no quantity and unit price to compute it from: orders will have no amount.');
  }
}
