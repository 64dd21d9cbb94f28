/**
 * Master files (issue 17): member lists and product lists import as batches of their own kind.
 * A member list writes profile fields instead of sales, so every field it changes is logged
 * (old and new value) to undo the batch and to tell a staff edit made after the last import
 * (which wins, and is reported as a conflict) from a value the file may update. Referrers
 * named in a file before their own customer exists wait in pending_referrers.
 */
import type { Db } from '../driver'
import type { Migration } from './index'

export const masterFiles: Migration = {
  name: '003-master-files',
  up(db: Db) {
    db.exec(`
ALTER TABLE import_batches ADD COLUMN kind TEXT NOT NULL DEFAULT 'sales' CHECK (kind IN ('sales', 'members', 'products'));
-- JSON: the member and product figures of the batch's result (birthdays, conflicts, products, …)
ALTER TABLE import_batches ADD COLUMN figures TEXT NOT NULL DEFAULT '{}';

ALTER TABLE customers ADD COLUMN member_since TEXT;          -- YYYY-MM-DD, as the POS wrote it
ALTER TABLE customers ADD COLUMN pos_tier TEXT;              -- the POS's own tier name, beside Evergreen's computed tier
ALTER TABLE customers ADD COLUMN points_balance INTEGER;
ALTER TABLE customers ADD COLUMN stored_value_fen INTEGER;
ALTER TABLE customers ADD COLUMN member_as_of TEXT;          -- the export date the points and stored value hold on

ALTER TABLE customer_children ADD COLUMN gender TEXT CHECK (gender IN ('f', 'm'));
ALTER TABLE customer_children ADD COLUMN batch_id INTEGER REFERENCES import_batches(id) ON DELETE SET NULL;

ALTER TABLE products ADD COLUMN barcode TEXT;
ALTER TABLE products ADD COLUMN spec TEXT;
ALTER TABLE products ADD COLUMN unit TEXT;
ALTER TABLE products ADD COLUMN retail_price_fen INTEGER;
ALTER TABLE products ADD COLUMN member_price_fen INTEGER;
ALTER TABLE products ADD COLUMN status TEXT;
ALTER TABLE products ADD COLUMN created_batch_id INTEGER REFERENCES import_batches(id) ON DELETE SET NULL;
CREATE INDEX products_barcode ON products(barcode);
CREATE INDEX products_name ON products(name);

-- a referrer named by card or phone that no customer holds yet
CREATE TABLE pending_referrers (
  customer_id INTEGER PRIMARY KEY REFERENCES customers(id) ON DELETE CASCADE,
  kind        TEXT NOT NULL CHECK (kind IN ('card', 'phone', 'external')),
  value       TEXT NOT NULL,
  batch_id    INTEGER REFERENCES import_batches(id) ON DELETE CASCADE
) STRICT;
CREATE INDEX pending_referrers_value ON pending_referrers(kind, value);

-- every field a master-file batch changed: undo writes old_value back, newest first
CREATE TABLE batch_field_changes (
  id        INTEGER PRIMARY KEY,
  batch_id  INTEGER NOT NULL REFERENCES import_batches(id) ON DELETE CASCADE,
  entity    TEXT NOT NULL CHECK (entity IN ('customer', 'product')),
  entity_id INTEGER NOT NULL,
  field     TEXT NOT NULL,
  old_value TEXT,
  new_value TEXT,
  at        TEXT NOT NULL
) STRICT;
CREATE INDEX batch_field_changes_batch ON batch_field_changes(batch_id);
CREATE INDEX batch_field_changes_entity ON batch_field_changes(entity, entity_id, field);

-- a file value that lost to a staff edit (or to another name under the same card in the file)
CREATE TABLE batch_field_conflicts (
  id          INTEGER PRIMARY KEY,
  batch_id    INTEGER NOT NULL REFERENCES import_batches(id) ON DELETE CASCADE,
  row_number  INTEGER NOT NULL,
  customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  field       TEXT NOT NULL,
  file_value  TEXT,
  kept_value  TEXT,
  reason      TEXT NOT NULL CHECK (reason IN ('staffEdit', 'sameCardOtherName'))
) STRICT;
CREATE INDEX batch_field_conflicts_batch ON batch_field_conflicts(batch_id);
`)
  }
}
