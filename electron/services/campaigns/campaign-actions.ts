/**
 * The campaign actions as the contract offers them, so the IPC handlers stay a mapping and the
 * CLI or a job could call the same thing (their audit lines: shared/audit-specs.ts).
 */
import { writeFileSync } from 'node:fs'
import type { Db } from '../../db/driver'
import type { PlanInput, PlanResult } from '../../../shared/schemas/campaigns'
import { suggestions } from '../../../shared/schemas/campaigns'
import type { Settings } from '../../../shared/schemas/settings'
import { checkedWritePath } from '../backups/user-paths'
import { readSettings } from '../settings/settings-service'
import { planCampaign } from './planner'
import { suggestionIds } from './targets'
import { courierCsv, markMailed } from './outputs'
import { removeCampaign } from './campaign-store'

/** Saved segments by name and the built-in suggestions with their sizes as of a day. */
export function campaignTargets(db: Db, day: string, thresholds: Settings['lifecycle']) {
  return {
    segments: db.prepare('SELECT id, name FROM segments ORDER BY name').all() as { id: number; name: string }[],
    suggestions: suggestions.map((key) => ({ key, count: suggestionIds(db, key, day, thresholds).length }))
  }
}

/** Plans a mailing (saved unless a dry run). */
export function planAndRecord(db: Db, input: PlanInput & { asOf: string }, now: string): PlanResult {
  return planCampaign(db, input, { asOf: input.asOf, settings: readSettings(db), now })
}

export function deleteCampaign(db: Db, id: number): { removed: boolean } {
  return { removed: removeCampaign(db, id) }
}

/**
 * The courier file: written to `path` when one is given (checked like every user path),
 * otherwise handed back as base64 for the browser to download.
 */
export function exportCourierFile(db: Db, id: number, encoding: 'utf8' | 'gbk', path: string | undefined | null) {
  const { bytes, rows } = courierCsv(db, id, encoding)
  const fileName = `campaign-${id}-courier-${encoding}.csv`
  if (path) {
    const file = checkedWritePath(path, ['.csv'])
    writeFileSync(file, bytes)
    return { fileName, file, dataBase64: null, rows, bytes: bytes.length }
  }
  return { fileName, file: null, dataBase64: bytes.toString('base64'), rows, bytes: bytes.length }
}

/** Marks the mailing sent on a date (not after `today`), logging a gift contact per treated customer under the staff name. */
export function markMailedAndRecord(db: Db, id: number, date: string, today: string) {
  const staff = readSettings(db).staffName || null
  return markMailed(db, id, date, staff, today)
}
