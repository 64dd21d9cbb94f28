/** Settings are JSON values under keys in one table; missing keys fall back to defaults. */
import type { Db } from '../../db/driver'
import { defaultSettings, Settings } from '../../../shared/schemas/settings'
import type { DomainError } from '../../../shared/result'
import { refuse } from '../../../shared/errors/refuse'

/** All settings, defaults filled in; a stored value that no longer parses falls back too. */
export function readSettings(db: Db): Settings {
  const rows = db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[]
  const stored: Record<string, unknown> = {}
  for (const r of rows) {
    try {
      stored[r.key] = JSON.parse(r.value)
    } catch {
      /* a damaged value: the default stands */
    }
  }
  const merged: Record<string, unknown> = { ...defaultSettings }
  for (const key of Object.keys(defaultSettings) as (keyof Settings)[]) {
    const candidate = { ...defaultSettings, [key]: stored[key] ?? defaultSettings[key] }
    if (Settings.safeParse(candidate).success) merged[key] = candidate[key]
  }
  return merged as Settings
}

/** Change some settings; the whole result must still be valid. */
export function updateSettings(db: Db, patch: Partial<Settings>): Settings {
  const next = { ...readSettings(db), ...patch }
  const parsed = Settings.safeParse(next)
  if (!parsed.success) throw settingRefusal(parsed.error.issues[0])
  const put = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
  db.transaction(() => {
    for (const [k, v] of Object.entries(patch)) put.run(k, JSON.stringify(v))
  })()
  return parsed.data
}

/** The first problem in words: the lifecycle order has its own sentence, anything else names the setting. */
function settingRefusal(issue: { path: PropertyKey[]; code: string; message: string } | undefined): DomainError {
  if (issue?.path[0] === 'lifecycle' && issue.code === 'custom') return refuse('lifecycleOutOfOrder')
  return refuse('settingInvalid', { field: issue?.path.map(String).join('.') ?? '', reason: issue?.message ?? '' })
}
