// Paged, sorted, filtered reads for the customers table and one customer's timeline.
// Sort columns come from a fixed whitelist (never from user text); values are bound parameters.
import type {
  CustomerColumn,
  CustomerDetail,
  CustomerFilter,
  CustomerPage,
  CustomerRow,
  CustomerSort,
  Timeline,
  TimelineEvent,
} from '../api/contract.ts';
import { ApiError } from '../api/contract.ts';
import type { Db, SqlValue } from '../store/db.ts';

const COLUMN_SQL: Record<CustomerColumn, string> = {
  customer_id: 'c.customer_id',
  name: 'c.name',
  email: 'c.email',
  country: 'c.country',
  city: 'c.city',
  first_seen: 's.first_seen',
  last_seen: 's.last_seen',
  events: 's.events',
  sessions: 's.sessions',
  purchases: 's.purchases',
  revenue: 's.revenue',
  last_purchase: 's.last_purchase',
};

const SELECT_ROW = `
  c.customer_id, c.name, c.email, c.country, c.city,
  s.first_seen, s.last_seen, s.events, s.sessions, s.purchases, s.revenue, s.last_purchase`;

// Driven from customer_stats, which has exactly one row per customer (rebuildCustomerStats), so that
// each sortable column's (column, customer_id) index gives pages in order without sorting 1M rows.
const FROM = 'FROM customer_stats s JOIN customers c ON c.customer_id = s.customer_id';

function whereClause(filter: CustomerFilter | undefined): { sql: string; params: SqlValue[] } {
  const parts: string[] = [];
  const params: SqlValue[] = [];
  const text = filter?.text?.trim();
  if (text) {
    // LIKE with an escape character so % and _ typed by the user match literally.
    const pattern = `%${text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    parts.push(
      "(c.customer_id LIKE ? ESCAPE '\\' OR c.name LIKE ? ESCAPE '\\' OR c.email LIKE ? ESCAPE '\\' OR c.country LIKE ? ESCAPE '\\' OR c.city LIKE ? ESCAPE '\\')",
    );
    params.push(pattern, pattern, pattern, pattern, pattern);
  }
  if (filter?.country) {
    parts.push('c.country = ?');
    params.push(filter.country);
  }
  if (filter?.minPurchases !== undefined && filter.minPurchases > 0) {
    parts.push('s.purchases >= ?');
    params.push(filter.minPurchases);
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

export function customersPage(
  db: Db,
  args: { offset: number; limit: number; sort?: CustomerSort | undefined; filter?: CustomerFilter | undefined },
): CustomerPage {
  const where = whereClause(args.filter);
  const total = where.sql
    ? (db.get<{ n: number }>(`SELECT count(*) AS n ${FROM} ${where.sql}`, where.params)?.n ?? 0)
    : (db.get<{ n: number }>('SELECT count(*) AS n FROM customer_stats')?.n ?? 0);
  const sort = args.sort ?? { column: 'customer_id', direction: 'asc' };
  const dir = sort.direction === 'desc' ? 'DESC' : 'ASC';
  // customer_id breaks ties so pages never overlap or skip rows; same direction on both keys
  // so the (column, customer_id) index serves the order.
  const column = COLUMN_SQL[sort.column];
  const tieBreak = `${column.slice(0, 2)}customer_id`;
  const order = sort.column === 'customer_id' ? `${column} ${dir}` : `${column} ${dir}, ${tieBreak} ${dir}`;
  let rows: CustomerRow[];
  if (where.sql) {
    rows = db.all<CustomerRow>(`SELECT ${SELECT_ROW} ${FROM} ${where.sql} ORDER BY ${order} LIMIT ? OFFSET ?`, [
      ...where.params,
      args.limit,
      args.offset,
    ]);
  } else {
    // Without a filter, skip OFFSET rows inside the covering (column, customer_id) index of the
    // table that owns the sort column, and join only the page: at offset 900,000 of 1M customers
    // this is several times faster than joining every skipped row. CROSS JOIN pins the page as
    // the outer loop: with LIMIT as a bound parameter the planner otherwise scans all of s.
    const table = column.startsWith('c.') ? 'customers' : 'customer_stats';
    const bare = column.slice(2);
    const inner = sort.column === 'customer_id' ? `customer_id ${dir}` : `${bare} ${dir}, customer_id ${dir}`;
    rows = db.all<CustomerRow>(
      `SELECT ${SELECT_ROW}
       FROM (SELECT customer_id FROM ${table} ORDER BY ${inner} LIMIT ? OFFSET ?) page
       CROSS JOIN customer_stats s ON s.customer_id = page.customer_id
       CROSS JOIN customers c ON c.customer_id = page.customer_id
       ORDER BY ${order}`,
      [args.limit, args.offset],
    );
  }
  return { total, offset: args.offset, rows };
}

export function countries(db: Db): Array<{ country: string; customers: number }> {
  return db.all(
    'SELECT country, count(*) AS customers FROM customers WHERE country IS NOT NULL GROUP BY country ORDER BY customers DESC, country',
  );
}

function notFound(customerId: string): ApiError {
  return new ApiError({ code: 'customer-not-found', message: `There is no customer "${customerId}" in this workspace.` });
}

export function customerDetail(db: Db, customerId: string): CustomerDetail {
  const row = db.get<CustomerRow & { phone: string | null; attributes: string | null }>(
    `SELECT ${SELECT_ROW}, c.phone, c.attributes
     ${FROM} WHERE c.customer_id = ?`,
    [customerId],
  );
  if (!row) throw notFound(customerId);
  let attributes: Record<string, unknown> = {};
  if (row.attributes) {
    try {
      const parsed: unknown = JSON.parse(row.attributes);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) attributes = parsed as Record<string, unknown>;
    } catch {
      attributes = { raw: row.attributes };
    }
  }
  const groundTruth = db
    .all<{ month: string; behaviour_type: string }>(
      'SELECT month, behaviour_type FROM ground_truth WHERE customer_id = ? ORDER BY month',
      [customerId],
    )
    .map((g) => ({ month: g.month, behaviourType: g.behaviour_type }));
  return { ...row, attributes, groundTruth };
}

interface EventRow {
  id: number;
  ts: number;
  type: string;
  channel: string | null;
  device: string | null;
  session_id: string | null;
  url: string | null;
  page_category: string | null;
  product: string | null;
  category: string | null;
  campaign: string | null;
  order_id: string | null;
  amount: number | null;
  discount: number | null;
  quantity: number | null;
}

export function customerTimeline(db: Db, args: { customerId: string; limit: number; types?: string[] | undefined }): Timeline {
  const exists = db.get('SELECT 1 FROM customers WHERE customer_id = ?', [args.customerId]);
  if (!exists) throw notFound(args.customerId);
  const counts = db.all<{ type: string; n: number }>(
    'SELECT type, count(*) AS n FROM events WHERE customer_id = ? GROUP BY type ORDER BY n DESC',
    [args.customerId],
  );
  const typeCounts = Object.fromEntries(counts.map((c) => [c.type, c.n]));
  const types = args.types?.length ? args.types : null;
  const typeSql = types ? `AND type IN (${types.map(() => '?').join(', ')})` : '';
  const params: SqlValue[] = [args.customerId, ...(types ?? [])];
  const total = types ? types.reduce((sum, t) => sum + (typeCounts[t] ?? 0), 0) : counts.reduce((s, c) => s + c.n, 0);
  const rows = db.all<EventRow>(
    `SELECT id, ts, type, channel, device, session_id, url, page_category, product, category, campaign,
            order_id, amount, discount, quantity
     FROM events WHERE customer_id = ? ${typeSql} ORDER BY ts DESC, id DESC LIMIT ?`,
    [...params, args.limit],
  );
  const events: TimelineEvent[] = rows.map((r) => ({
    id: r.id,
    ts: r.ts,
    type: r.type,
    channel: r.channel,
    device: r.device,
    sessionId: r.session_id,
    url: r.url,
    pageCategory: r.page_category,
    product: r.product,
    category: r.category,
    campaign: r.campaign,
    orderId: r.order_id,
    amount: r.amount,
    discount: r.discount,
    quantity: r.quantity,
  }));
  return { customerId: args.customerId, total, events, typeCounts };
}
