/** What the target picker offers: saved segments, campaigns with their treated counts, import batches. */
import type { Db } from '../../db/driver'

/** Segments, campaigns and the live import batches that brought orders, newest first: a member or
 * product list has no parcels to print for, so it is not offered. */
export function targetOptions(db: Db) {
  return {
    segments: db.prepare('SELECT id, name FROM segments ORDER BY name').all() as { id: number; name: string }[],
    campaigns: db
      .prepare(
        `SELECT c.id, c.name, (SELECT count(*) FROM campaign_members m WHERE m.campaign_id = c.id AND m.arm = 'treated') AS treated
         FROM campaigns c ORDER BY c.created_at DESC, c.id DESC`
      )
      .all() as { id: number; name: string; treated: number }[],
    batches: db
      .prepare(
        `SELECT * FROM (
           SELECT b.id, b.file_name AS fileName, b.imported_at AS importedAt, (SELECT count(*) FROM orders o WHERE o.batch_id = b.id AND o.is_purchase = 1) AS orders
           FROM import_batches b WHERE b.undone_at IS NULL
         ) WHERE orders > 0 ORDER BY importedAt DESC, id DESC LIMIT 50`
      )
      .all() as { id: number; fileName: string; importedAt: string; orders: number }[]
  }
}
