/** The care calendar lives in the settings table under one key, defaults filled in. */
import type { Db } from '../../db/driver'
import { CareSettings, defaultCareSettings } from '../../../shared/schemas/reminders'
import { refuse } from '../../../shared/errors/refuse'

const KEY = 'careCalendar'

/** The care-calendar settings; a stored value that no longer parses falls back to the defaults field by field. */
export function readCareSettings(db: Db): CareSettings {
  const raw = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(KEY) as string | undefined
  let stored: Record<string, unknown> = {}
  try {
    stored = raw ? (JSON.parse(raw) as Record<string, unknown>) : {}
  } catch {
    /* damaged: defaults stand */
  }
  const merged: Record<string, unknown> = { ...defaultCareSettings }
  for (const key of Object.keys(defaultCareSettings) as (keyof CareSettings)[]) {
    const candidate = { ...defaultCareSettings, [key]: stored[key] ?? defaultCareSettings[key] }
    if (CareSettings.safeParse(candidate).success) merged[key] = candidate[key]
  }
  return merged as CareSettings
}

/** Change some care-calendar settings; answers all of them. */
export function updateCareSettings(db: Db, patch: Partial<CareSettings>): CareSettings {
  const parsed = CareSettings.safeParse({ ...readCareSettings(db), ...patch })
  if (!parsed.success)
    throw refuse('settingInvalid', {
      field: ['careCalendar', ...(parsed.error.issues[0]?.path ?? [])].map(String).join('.'),
      reason: parsed.error.issues[0]?.message ?? ''
    })
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(KEY, JSON.stringify(parsed.data))
  return parsed.data
}
