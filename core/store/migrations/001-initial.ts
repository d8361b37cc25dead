// The canonical data model. Every later change is a new numbered file; this one never changes.
export const sql = /* sql */ `
CREATE TABLE workspace_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

-- Lineage: every customer and event row points at the import (or sample generation) that wrote it.
CREATE TABLE imports (
  import_id     INTEGER PRIMARY KEY,
  kind          TEXT NOT NULL,           -- customers | orders | events | sample
  file          TEXT,                    -- path as given, or NULL for generated data
  sha256        TEXT,
  mapping       TEXT,                    -- JSON: column mapping used
  status        TEXT NOT NULL,           -- running | done | failed | cancelled
  started_at    INTEGER NOT NULL,        -- epoch ms
  finished_at   INTEGER,
  rows_read     INTEGER NOT NULL DEFAULT 0,
  rows_imported INTEGER NOT NULL DEFAULT 0,
  rows_rejected INTEGER NOT NULL DEFAULT 0,
  rejected_report TEXT,                  -- path of the rejected-row report, if any
  message       TEXT
) STRICT;

CREATE TABLE customers (
  customer_id TEXT PRIMARY KEY,
  first_seen  INTEGER,                   -- epoch ms
  name        TEXT,
  email       TEXT,
  phone       TEXT,
  country     TEXT,
  city        TEXT,
  attributes  TEXT,                      -- JSON object of any further columns
  import_id   INTEGER REFERENCES imports(import_id)
) STRICT;

-- One row per behavioural event. Canonical types: page_view, session_start, email_sent, email_open,
-- email_click, sms_sent, sms_reply, add_to_cart, checkout_start, purchase, return, support_contact,
-- signup, login, feature_use; other types are kept as given.
CREATE TABLE events (
  id            INTEGER PRIMARY KEY,
  customer_id   TEXT NOT NULL,
  ts            INTEGER NOT NULL,        -- epoch ms, UTC
  type          TEXT NOT NULL,
  channel       TEXT,                    -- web | app | email | sms | store | support | ...
  device        TEXT,                    -- mobile | desktop | tablet
  session_id    TEXT,
  url           TEXT,
  page_category TEXT,
  product       TEXT,
  category      TEXT,
  campaign      TEXT,
  order_id      TEXT,
  amount        REAL,
  discount      REAL,
  quantity      REAL,
  props         TEXT,                    -- JSON object of anything else
  import_id     INTEGER REFERENCES imports(import_id)
) STRICT;

-- URL pattern -> page category. Editable by the analyst; first matching pattern by priority wins.
CREATE TABLE page_taxonomy (
  rule_id   INTEGER PRIMARY KEY,
  pattern   TEXT NOT NULL,
  match     TEXT NOT NULL CHECK (match IN ('contains', 'prefix', 'regex')),
  category  TEXT NOT NULL,
  priority  INTEGER NOT NULL DEFAULT 100
) STRICT;

-- Per-customer figures kept for the customers table (sorting 1M rows needs indexed columns).
-- Rebuilt after every import; never a source of truth.
CREATE TABLE customer_stats (
  customer_id   TEXT PRIMARY KEY,
  first_seen    INTEGER,
  last_seen     INTEGER,
  events        INTEGER NOT NULL,
  sessions      INTEGER NOT NULL,
  purchases     INTEGER NOT NULL,
  revenue       REAL NOT NULL,
  last_purchase INTEGER
) STRICT;

-- The latent behaviour type of each customer per month: written only by the sample generator,
-- read only by evaluation panels. Never used to compute signals or segments.
CREATE TABLE ground_truth (
  customer_id    TEXT NOT NULL,
  month          TEXT NOT NULL,          -- YYYY-MM
  behaviour_type TEXT NOT NULL,
  PRIMARY KEY (customer_id, month)
) STRICT, WITHOUT ROWID;

INSERT INTO page_taxonomy (pattern, match, category, priority) VALUES
  ('/pricing',      'contains', 'pricing',      10),
  ('/plans',        'contains', 'pricing',      10),
  ('/faq',          'contains', 'faq',          10),
  ('/help',         'contains', 'faq',          20),
  ('/returns',      'contains', 'returns',      10),
  ('/refund',       'contains', 'returns',      10),
  ('/shipping',     'contains', 'shipping',     10),
  ('/delivery',     'contains', 'shipping',     10),
  ('/reviews',      'contains', 'reviews',      10),
  ('/compare',      'contains', 'comparison',   10),
  ('/vs/',          'contains', 'comparison',   10),
  ('/docs',         'contains', 'docs',         10),
  ('/integrations', 'contains', 'integrations', 10),
  ('/careers',      'contains', 'careers',      10),
  ('/jobs',         'contains', 'careers',      10),
  ('/checkout',     'contains', 'checkout',     10),
  ('/cart',         'contains', 'cart',         10),
  ('/product/',     'contains', 'product',      50),
  ('/p/',           'contains', 'product',      50),
  ('/category/',    'contains', 'category',     50),
  ('/c/',           'contains', 'category',     50),
  ('/blog',         'contains', 'content',      60),
  ('/account',      'contains', 'account',      60),
  ('^/?$',          'regex',    'home',         90);
`;

// Indexes that serve the customers table and timelines. Kept separate so bulk writers (the sample
// generator, imports) can drop and rebuild them around a large load.
export const indexes = /* sql */ `
CREATE INDEX IF NOT EXISTS events_customer_ts ON events (customer_id, ts);
CREATE INDEX IF NOT EXISTS customers_name ON customers (name, customer_id);
CREATE INDEX IF NOT EXISTS customers_email ON customers (email, customer_id);
CREATE INDEX IF NOT EXISTS customers_country ON customers (country, customer_id);
CREATE INDEX IF NOT EXISTS customers_city ON customers (city, customer_id);
CREATE INDEX IF NOT EXISTS customer_stats_first_seen ON customer_stats (first_seen, customer_id);
CREATE INDEX IF NOT EXISTS customer_stats_last_seen ON customer_stats (last_seen, customer_id);
CREATE INDEX IF NOT EXISTS customer_stats_events ON customer_stats (events, customer_id);
CREATE INDEX IF NOT EXISTS customer_stats_sessions ON customer_stats (sessions, customer_id);
CREATE INDEX IF NOT EXISTS customer_stats_purchases ON customer_stats (purchases, customer_id);
CREATE INDEX IF NOT EXISTS customer_stats_revenue ON customer_stats (revenue, customer_id);
CREATE INDEX IF NOT EXISTS customer_stats_last_purchase ON customer_stats (last_purchase, customer_id);
`;
