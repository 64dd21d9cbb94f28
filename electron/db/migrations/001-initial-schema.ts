/**
 * The schema for the whole product. Money is integer fen, times are shop-local ISO strings
 * ('2024-03-05T14:03:00' or '2024-03-05'), every table is STRICT.
 */
import type { Migration } from './index'

const sql = /* sql */ `
CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL              -- JSON
) STRICT;

CREATE TABLE import_batches (
  id                 INTEGER PRIMARY KEY,
  file_name          TEXT NOT NULL,
  file_size          INTEGER NOT NULL,
  file_hash          TEXT NOT NULL,
  imported_at        TEXT NOT NULL,
  format             TEXT NOT NULL,          -- csv | xlsx | demo
  encoding           TEXT,
  delimiter          TEXT,
  header_row         INTEGER,
  mapping            TEXT NOT NULL DEFAULT '{}',   -- JSON: field -> column header
  options            TEXT NOT NULL DEFAULT '{}',   -- JSON: detected / overridden settings
  rows_read          INTEGER NOT NULL DEFAULT 0,
  rows_imported      INTEGER NOT NULL DEFAULT 0,
  rows_rejected      INTEGER NOT NULL DEFAULT 0,
  walk_in            INTEGER NOT NULL DEFAULT 0,
  excluded_by_status INTEGER NOT NULL DEFAULT 0,
  duplicates         INTEGER NOT NULL DEFAULT 0,
  customers_created  INTEGER NOT NULL DEFAULT 0,
  customers_matched  INTEGER NOT NULL DEFAULT 0,
  total_fen          INTEGER NOT NULL DEFAULT 0,
  file_total_fen     INTEGER,                 -- the file's own totals row, where it had one
  undone_at          TEXT
) STRICT;

CREATE TABLE rejected_rows (
  id          INTEGER PRIMARY KEY,
  batch_id    INTEGER NOT NULL REFERENCES import_batches(id) ON DELETE CASCADE,
  row_number  INTEGER NOT NULL,
  column_name TEXT,
  value       TEXT,
  reason      TEXT NOT NULL,
  raw         TEXT
) STRICT;
CREATE INDEX rejected_rows_batch ON rejected_rows(batch_id);

-- remembered column mappings, keyed by the normalised header row
CREATE TABLE header_mappings (
  signature  TEXT PRIMARY KEY,
  mapping    TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE customers (
  id               INTEGER PRIMARY KEY,
  name             TEXT,
  gender           TEXT CHECK (gender IN ('f', 'm')),
  birthday         TEXT,                     -- YYYY-MM-DD (solar) or YYYY-MM-DD of the lunar calendar
  birthday_lunar   INTEGER NOT NULL DEFAULT 0,
  age_band         TEXT,
  address          TEXT,
  province         TEXT,
  city             TEXT,
  district         TEXT,
  notes            TEXT,
  referred_by      INTEGER REFERENCES customers(id) ON DELETE SET NULL,
  targeted         INTEGER NOT NULL DEFAULT 0,   -- the shop decided to court this prospect
  consent_phone    INTEGER NOT NULL DEFAULT 1,
  consent_sms      INTEGER NOT NULL DEFAULT 1,
  consent_wechat   INTEGER NOT NULL DEFAULT 1,
  consent_mail     INTEGER NOT NULL DEFAULT 1,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  created_batch_id INTEGER REFERENCES import_batches(id) ON DELETE SET NULL,
  merged_into      INTEGER REFERENCES customers(id) ON DELETE SET NULL,
  erased_at        TEXT
) STRICT;
CREATE INDEX customers_batch ON customers(created_batch_id);
CREATE INDEX customers_referred_by ON customers(referred_by);
-- a segment rule on a region finds its customers here instead of reading every customer row
CREATE INDEX customers_province ON customers(province);
CREATE INDEX customers_city ON customers(city);
CREATE INDEX customers_district ON customers(district);

-- member card, normalised phone, buyer id, external id: each value belongs to one customer
CREATE TABLE customer_identities (
  id          INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  kind        TEXT NOT NULL CHECK (kind IN ('card', 'phone', 'buyer', 'external')),
  value       TEXT NOT NULL,
  batch_id    INTEGER REFERENCES import_batches(id) ON DELETE SET NULL,
  UNIQUE (kind, value)
) STRICT;
CREATE INDEX customer_identities_customer ON customer_identities(customer_id);

-- every name and address a customer was seen with: the newest wins on the profile, none is lost
CREATE TABLE customer_names (
  customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  name        TEXT NOT NULL,
  last_seen   TEXT NOT NULL,
  PRIMARY KEY (customer_id, name)
) STRICT;

CREATE TABLE customer_addresses (
  customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  address     TEXT NOT NULL,
  last_seen   TEXT NOT NULL,
  PRIMARY KEY (customer_id, address)
) STRICT;

CREATE TABLE customer_tags (
  customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  tag         TEXT NOT NULL,
  PRIMARY KEY (customer_id, tag)
) STRICT;
CREATE INDEX customer_tags_tag ON customer_tags(tag);

CREATE TABLE customer_children (
  id          INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  name        TEXT,
  birthday    TEXT
) STRICT;

CREATE TABLE categories (
  name          TEXT PRIMARY KEY,
  days_per_unit REAL                      -- replenishment: how long one unit lasts
) STRICT;

CREATE TABLE products (
  id            INTEGER PRIMARY KEY,
  code          TEXT NOT NULL DEFAULT '',  -- barcode / SKU; '' when the export has none
  name          TEXT NOT NULL,
  category      TEXT,
  days_per_unit REAL,
  UNIQUE (code, name)
) STRICT;

CREATE TABLE orders (
  id             INTEGER PRIMARY KEY,
  customer_id    INTEGER REFERENCES customers(id) ON DELETE SET NULL,
  external_id    TEXT NOT NULL,            -- receipt / order number, or a synthesised key
  ordered_at     TEXT NOT NULL,
  channel        TEXT NOT NULL DEFAULT 'store',   -- store | online | other
  store          TEXT,
  payment_method TEXT,
  status         TEXT,
  address        TEXT,
  total_fen      INTEGER NOT NULL DEFAULT 0,  -- sum of its lines, kept by the ledger
  is_purchase    INTEGER NOT NULL DEFAULT 0,  -- 1 when any line is a sale; an order of returns only is 0
  batch_id       INTEGER NOT NULL REFERENCES import_batches(id),
  UNIQUE (external_id, ordered_at)
) STRICT;
CREATE INDEX orders_customer ON orders(customer_id, ordered_at);
CREATE INDEX orders_batch ON orders(batch_id);
CREATE INDEX orders_time ON orders(ordered_at);
-- total_fen rides along so that figures as of a past date (each customer's orders after it, their
-- spend included) and the core check's window spend read this index alone, never the table
CREATE INDEX orders_purchase ON orders(customer_id, is_purchase, ordered_at, total_fen);

-- a sale line; a return is a negative line. content_key makes re-importing the same line a no-op
CREATE TABLE order_lines (
  id              INTEGER PRIMARY KEY,
  order_id        INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
  customer_id     INTEGER REFERENCES customers(id) ON DELETE SET NULL,
  product_id      INTEGER REFERENCES products(id),
  quantity        REAL NOT NULL DEFAULT 1,
  unit_price_fen  INTEGER,
  amount_fen      INTEGER NOT NULL,
  coupon_code     TEXT,
  batch_id        INTEGER NOT NULL REFERENCES import_batches(id),
  content_key     TEXT NOT NULL UNIQUE
) STRICT;
-- product and amount ride along so "which categories did this order buy" (the ladder's core
-- criteria, recall) reads the index alone, never the table
CREATE INDEX order_lines_order ON order_lines(order_id, product_id, amount_fen);
CREATE INDEX order_lines_customer ON order_lines(customer_id);
CREATE INDEX order_lines_product ON order_lines(product_id);
CREATE INDEX order_lines_batch ON order_lines(batch_id);

-- per-customer figures kept up to date after every import, merge and undo, so segments over
-- 200,000 customers read one row each instead of aggregating two million lines
CREATE TABLE customer_summaries (
  customer_id        INTEGER PRIMARY KEY REFERENCES customers(id) ON DELETE CASCADE,
  orders             INTEGER NOT NULL,     -- purchase occasions (orders with a positive total)
  purchase_days      INTEGER NOT NULL,     -- distinct calendar days with a purchase
  spend_fen          INTEGER NOT NULL,     -- every line, returns included
  returns_fen        INTEGER NOT NULL,
  first_purchase     TEXT,
  last_purchase      TEXT,
  categories         INTEGER NOT NULL,
  channels           INTEGER NOT NULL
) STRICT;
CREATE INDEX customer_summaries_last ON customer_summaries(last_purchase);

-- one row per customer and month with a purchase, kept with the summaries: the month-by-month
-- views (repeat rate, cohorts, stage migration) read these instead of walking every order
CREATE TABLE customer_months (
  customer_id  INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  month        TEXT NOT NULL,              -- 'YYYY-MM'
  first_month  TEXT NOT NULL,              -- the customer's first purchase month (rewritten with the rows)
  first_at     TEXT NOT NULL,              -- the month's earliest purchase
  last_at      TEXT NOT NULL,              -- the month's latest purchase
  PRIMARY KEY (customer_id, month)
) STRICT, WITHOUT ROWID;
CREATE INDEX customer_months_month ON customer_months(month, first_month, first_at);

CREATE TABLE segments (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE,
  rule       TEXT NOT NULL,               -- JSON rule tree
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE saved_views (
  id      INTEGER PRIMARY KEY,
  name    TEXT NOT NULL UNIQUE,
  query   TEXT NOT NULL                   -- JSON: search, filters, sort
) STRICT;

CREATE TABLE contact_log (
  id          INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  at          TEXT NOT NULL,
  kind        TEXT NOT NULL,              -- call | sms | wechat | gift | card | visit | complaint | note
  outcome     TEXT,                       -- reached | no_answer | bought | not_interested | opted_out | open | resolved
  note        TEXT,
  campaign_id INTEGER REFERENCES campaigns(id) ON DELETE SET NULL,
  staff       TEXT,
  topic       TEXT                        -- the call-list entry that prompted it, e.g. 'replenish:12:2026-11-20'
) STRICT;
CREATE INDEX contact_log_customer ON contact_log(customer_id, at);
CREATE INDEX contact_log_topic ON contact_log(topic);

CREATE TABLE gifts (
  sku           TEXT PRIMARY KEY,
  name          TEXT NOT NULL,
  unit_cost_fen INTEGER NOT NULL,
  stock         INTEGER,
  weight_g      INTEGER,
  suits         TEXT NOT NULL DEFAULT '[]' -- JSON: categories or needs
) STRICT;

CREATE TABLE campaigns (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  as_of        TEXT NOT NULL,
  mailing_date TEXT,
  plan         TEXT NOT NULL               -- JSON: target, budget, gift rule, exclusions, holdout, seed
) STRICT;

CREATE TABLE campaign_members (
  campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
  customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  arm         TEXT NOT NULL CHECK (arm IN ('treated', 'control')),
  rank        INTEGER NOT NULL,
  score       REAL,
  gift_sku    TEXT,
  cost_fen    INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (campaign_id, customer_id)
) STRICT;

CREATE TABLE templates (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  kind       TEXT NOT NULL,                -- insert | flyer | label | scratch
  sheet      TEXT NOT NULL,                -- JSON sheet geometry
  body       TEXT NOT NULL,                -- JSON blocks and variants
  built_in   INTEGER NOT NULL DEFAULT 0,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE printer_calibrations (
  printer    TEXT PRIMARY KEY,
  offset_x   REAL NOT NULL DEFAULT 0,
  offset_y   REAL NOT NULL DEFAULT 0,
  scale_x    REAL NOT NULL DEFAULT 1,
  scale_y    REAL NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE printed_codes (
  code        TEXT PRIMARY KEY,
  customer_id INTEGER REFERENCES customers(id) ON DELETE SET NULL,
  campaign_id INTEGER REFERENCES campaigns(id) ON DELETE SET NULL,
  template_id INTEGER REFERENCES templates(id) ON DELETE SET NULL,
  kind        TEXT NOT NULL,               -- coupon | scratch
  printed_at  TEXT NOT NULL,
  redeemed_at TEXT,
  redeemed_batch_id INTEGER REFERENCES import_batches(id) ON DELETE SET NULL
) STRICT;

-- every edit to a customer: when, which field, old and new; the last one can be undone
CREATE TABLE change_history (
  id          INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  at          TEXT NOT NULL,
  field       TEXT NOT NULL,
  old_value   TEXT,
  new_value   TEXT,
  staff       TEXT,
  undone_at   TEXT,
  edit        INTEGER NOT NULL DEFAULT 0   -- fields saved together share it; undo takes back one save
) STRICT;
CREATE INDEX change_history_customer ON change_history(customer_id, id);

CREATE TABLE merges (
  id         INTEGER PRIMARY KEY,
  kept_id    INTEGER NOT NULL REFERENCES customers(id),
  merged_id  INTEGER NOT NULL REFERENCES customers(id),
  at         TEXT NOT NULL,
  undo_data  TEXT NOT NULL,                -- JSON: what moved, to move it back
  undone_at  TEXT
) STRICT;

-- who did what and when, without personal data
CREATE TABLE audit_log (
  id     INTEGER PRIMARY KEY,
  at     TEXT NOT NULL,
  staff  TEXT,
  action TEXT NOT NULL,
  detail TEXT
) STRICT;

-- customer search (services/customers/search-index.ts): one text per live customer with every
-- name, identity, address, note and tag; trigram FTS finds any fragment of 3+ characters,
-- the gram table (letter bigrams, name characters) answers 1-2 character queries such as 王静.
-- Triggers only mark customers dirty; the index is rebuilt for them in one pass (ledger finish,
-- or lazily before a search), so an import does not re-index a customer eight times.
CREATE VIRTUAL TABLE customer_search USING fts5(body, tokenize = 'trigram');
CREATE VIRTUAL TABLE customer_grams USING fts5(grams, tokenize = 'unicode61');
CREATE TABLE customer_search_dirty (customer_id INTEGER PRIMARY KEY) STRICT;
CREATE TRIGGER customers_search_ins AFTER INSERT ON customers
  BEGIN INSERT OR IGNORE INTO customer_search_dirty VALUES (new.id); END;
CREATE TRIGGER customers_search_upd AFTER UPDATE OF name, address, notes, erased_at, merged_into ON customers
  BEGIN INSERT OR IGNORE INTO customer_search_dirty VALUES (new.id); END;
CREATE TRIGGER customers_search_del AFTER DELETE ON customers BEGIN
  DELETE FROM customer_search WHERE rowid = old.id;
  DELETE FROM customer_grams WHERE rowid = old.id;
  DELETE FROM customer_search_dirty WHERE customer_id = old.id;
END;
CREATE TRIGGER identities_search_ins AFTER INSERT ON customer_identities
  BEGIN INSERT OR IGNORE INTO customer_search_dirty VALUES (new.customer_id); END;
CREATE TRIGGER identities_search_upd AFTER UPDATE ON customer_identities BEGIN
  INSERT OR IGNORE INTO customer_search_dirty VALUES (old.customer_id);
  INSERT OR IGNORE INTO customer_search_dirty VALUES (new.customer_id);
END;
CREATE TRIGGER identities_search_del AFTER DELETE ON customer_identities
  BEGIN INSERT OR IGNORE INTO customer_search_dirty VALUES (old.customer_id); END;
CREATE TRIGGER names_search_ins AFTER INSERT ON customer_names
  BEGIN INSERT OR IGNORE INTO customer_search_dirty VALUES (new.customer_id); END;
CREATE TRIGGER names_search_upd AFTER UPDATE OF customer_id, name ON customer_names BEGIN
  INSERT OR IGNORE INTO customer_search_dirty VALUES (old.customer_id);
  INSERT OR IGNORE INTO customer_search_dirty VALUES (new.customer_id);
END;
CREATE TRIGGER names_search_del AFTER DELETE ON customer_names
  BEGIN INSERT OR IGNORE INTO customer_search_dirty VALUES (old.customer_id); END;
CREATE TRIGGER addresses_search_ins AFTER INSERT ON customer_addresses
  BEGIN INSERT OR IGNORE INTO customer_search_dirty VALUES (new.customer_id); END;
CREATE TRIGGER addresses_search_upd AFTER UPDATE OF customer_id, address ON customer_addresses BEGIN
  INSERT OR IGNORE INTO customer_search_dirty VALUES (old.customer_id);
  INSERT OR IGNORE INTO customer_search_dirty VALUES (new.customer_id);
END;
CREATE TRIGGER addresses_search_del AFTER DELETE ON customer_addresses
  BEGIN INSERT OR IGNORE INTO customer_search_dirty VALUES (old.customer_id); END;
CREATE TRIGGER tags_search_ins AFTER INSERT ON customer_tags
  BEGIN INSERT OR IGNORE INTO customer_search_dirty VALUES (new.customer_id); END;
CREATE TRIGGER tags_search_upd AFTER UPDATE ON customer_tags BEGIN
  INSERT OR IGNORE INTO customer_search_dirty VALUES (old.customer_id);
  INSERT OR IGNORE INTO customer_search_dirty VALUES (new.customer_id);
END;
CREATE TRIGGER tags_search_del AFTER DELETE ON customer_tags
  BEGIN INSERT OR IGNORE INTO customer_search_dirty VALUES (old.customer_id); END;
-- counting live customers reads this small index instead of every wide customer row
CREATE INDEX customers_live ON customers(id) WHERE erased_at IS NULL AND merged_into IS NULL;
CREATE INDEX customer_summaries_spend ON customer_summaries(spend_fen);
CREATE INDEX customer_summaries_orders ON customer_summaries(orders);
`

export const initialSchema: Migration = {
  name: 'initial schema',
  up(db) {
    db.exec(sql)
  }
}
