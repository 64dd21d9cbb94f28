/**
 * The numbers of many rows in one read: SQLite joins them into one JSON list, which V8 parses
 * three times faster than better-sqlite3 hands over row arrays (200,000 rows of 3 columns:
 * 71 against 224 ms). Each row gives its expressions in order, all rows one flat list.
 */
import type { Db } from '../../db/driver'

/**
 * `expressions` are SQL over `from`; one that can be NULL must say so as the text 'null'
 * (coalesce(x, 'null')), or the row's numbers would run together.
 */
export function readNumberList(db: Db, expressions: string[], from: string, params: Record<string, unknown> = {}): (number | null)[] {
  const row = expressions.join(` || ',' || `)
  const json = db.prepare(`SELECT '[' || coalesce(group_concat(${row}), '') || ']' FROM ${from}`).pluck().get(params) as string
  return JSON.parse(json) as (number | null)[]
}
