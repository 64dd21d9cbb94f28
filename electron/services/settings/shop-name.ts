/**
 * The shop's name: ONE setting that every card template, address label and call script uses.
 * Templates used to carry their own copy (body.shopName); a shop that typed it there before the
 * setting existed keeps it: the first non-empty template copy stands in until the setting is set.
 */
import type { Db } from '../../db/driver'
import { readSettings } from './settings-service'

export function getShopName(db: Db): string {
  const set = readSettings(db).shopName.trim()
  if (set) return set
  const rows = db.prepare('SELECT body FROM templates ORDER BY id').all() as { body: string }[]
  for (const r of rows) {
    try {
      const name = (JSON.parse(r.body) as { shopName?: unknown }).shopName
      if (typeof name === 'string' && name.trim()) return name.trim()
    } catch {
      /* a damaged template body says nothing about the shop name */
    }
  }
  return ''
}
