// The raw-table layout exported SQL runs on: what a warehouse loads its customers and events into
// (the workspace's own columns, minus import bookkeeping). Times are epoch milliseconds in UTC as
// 64-bit integers and money is a double, never a decimal type: exported definitions compare and sum
// them exactly as the workbench does.
import type { SqlDialectName } from '../../signals/sql-dialect.ts';

export const CUSTOMER_COLUMNS = ['customer_id', 'first_seen', 'name', 'email', 'phone', 'country', 'city', 'attributes'] as const;
export const EVENT_COLUMNS = ['id', 'customer_id', 'ts', 'type', 'channel', 'device', 'session_id', 'url', 'page_category', 'product', 'category', 'campaign', 'order_id', 'amount', 'discount', 'quantity', 'props'] as const;

export function rawTablesDdl(dialect: SqlDialectName): string {
  const int = dialect === 'postgres' ? 'bigint' : 'INTEGER';
  const real = dialect === 'postgres' ? 'double precision' : 'REAL';
  const json = dialect === 'postgres' ? 'jsonb' : 'TEXT';
  return `CREATE TABLE customers (
  customer_id text PRIMARY KEY,
  first_seen  ${int},          -- epoch ms, UTC
  name        text,
  email       text,
  phone       text,
  country     text,
  city        text,
  attributes  ${json}             -- further columns as a JSON object
);
CREATE TABLE events (
  id            ${int} PRIMARY KEY,
  customer_id   text NOT NULL,   -- every customer_id is in customers
  ts            ${int} NOT NULL, -- epoch ms, UTC
  type          text NOT NULL,   -- page_view, session_start, email_sent, email_open, email_click, sms_sent, sms_reply, add_to_cart, checkout_start, purchase, return, support_contact, ...
  channel       text,
  device        text,
  session_id    text,
  url           text,
  page_category text,            -- from the page taxonomy, as the workbench assigned it
  product       text,
  category      text,
  campaign      text,
  order_id      text,
  amount        ${real},         -- what the customer paid; returns negative
  discount      ${real},
  quantity      ${real},
  props         ${json}             -- further columns as a JSON object
);
CREATE INDEX events_type_ts ON events (type, ts, customer_id);
`;
}

/**
 * Helpers the PostgreSQL dialect needs to match SQLite exactly. SQLite's sum() and avg() use
 * Kahan-Babuska-Neumaier compensated summation (3.43+); PostgreSQL sums naively, which changed the
 * last bits of revenue-like signals in the export research (5k customers: 580 values), and RFM
 * cut-offs are actual customer values, so a one-ulp difference can move a customer. SQLite's
 * two-argument min()/max() are NULL when an argument is; least()/greatest() skip NULLs, so the
 * STRICT wrappers give SQLite's answer.
 */
export const POSTGRES_PRELUDE = `CREATE OR REPLACE FUNCTION segwb_kbn_step(st float8[], r float8) RETURNS float8[] LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT ARRAY[st[1] + r, st[2] + CASE WHEN abs(st[1]) > abs(r) THEN (st[1] - (st[1] + r)) + r ELSE (r - (st[1] + r)) + st[1] END, st[3] + 1] $$;
CREATE OR REPLACE FUNCTION segwb_kbn_final(st float8[]) RETURNS float8 LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN st[3] = 0 THEN NULL ELSE st[1] + st[2] END $$;
CREATE OR REPLACE AGGREGATE segwb_kbn_sum(float8) (SFUNC = segwb_kbn_step, STYPE = float8[], FINALFUNC = segwb_kbn_final, INITCOND = '{0,0,0}');
CREATE OR REPLACE FUNCTION segwb_least(a float8, b float8) RETURNS float8 LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT least(a, b) $$;
CREATE OR REPLACE FUNCTION segwb_greatest(a float8, b float8) RETURNS float8 LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT greatest(a, b) $$;
`;
