/** Saved list views: a name and a query (search, filters, sort), stored as JSON. */
import type { Db } from '../../db/driver'
import { CustomerQuery, type SavedView } from '../../../shared/schemas/customers'
import { refuse } from '../../../shared/errors/refuse'

/** Every saved view, by name; a stored query that no longer parses is skipped. */
export function listViews(db: Db): SavedView[] {
  const rows = db.prepare('SELECT id, name, query FROM saved_views ORDER BY name').all() as { id: number; name: string; query: string }[]
  return rows.flatMap((r) => {
    try {
      const parsed = CustomerQuery.safeParse(JSON.parse(r.query))
      return parsed.success ? [{ id: r.id, name: r.name, query: parsed.data }] : []
    } catch {
      return []
    }
  })
}

/** Save a view; a view with the same name is replaced. */
export function saveView(db: Db, name: string, query: CustomerQuery): SavedView {
  const id = db
    .prepare('INSERT INTO saved_views (name, query) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET query = excluded.query RETURNING id')
    .pluck()
    .get(name, JSON.stringify(query)) as number
  return { id, name, query }
}

/** Delete a saved view; NOT_FOUND when there is none with that id. */
export function deleteView(db: Db, id: number): { deleted: boolean } {
  const info = db.prepare('DELETE FROM saved_views WHERE id = ?').run(id)
  if (info.changes === 0) throw refuse('viewNotFound', { id })
  return { deleted: true }
}
