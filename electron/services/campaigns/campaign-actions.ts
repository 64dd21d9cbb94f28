/**
 * The campaign actions as the contract offers them: each one does its work and writes its audit
 * line here, so the IPC handlers stay a mapping and the CLI or a job could call the same thing.
 */
import { writeFileSync } from 'node:fs'
import type { Db } from '../../db/driver'
import type { PlanInput, PlanResult } from '../../../shared/schemas/campaigns'
import { suggestions } from '../../../shared/schemas/campaigns'
import type { Settings } from '../../../shared/schemas/settings'
import { recordAudit } from '../audit/audit-log'
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

/** Plans a mailing; a saved plan (not a dry run) leaves an audit line with its sizes and cost. */
export function planAndRecord(db: Db, input: PlanInput & { asOf: string }, now: string): PlanResult {
  const r = planCampaign(db, input, { asOf: input.asOf, settings: readSettings(db), now })
  if (r.campaignId !== null) {
    recordAudit(db, now, 'campaign', `planned campaign ${r.campaignId}: ${r.treated.length} treated, ${r.control.length} control, ${r.costFen} fen`)
  }
  return r
}

export function deleteCampaign(db: Db, id: number, now: string): { removed: boolean } {
  const removed = removeCampaign(db, id)
  recordAudit(db, now, 'campaign', `deleted campaign ${id}`)
  return { removed }
}

/**
 * The courier file: written to `path` when one is given (checked like every user path),
 * otherwise handed back as base64 for the browser to download.
 */
export function exportCourierFile(db: Db, id: number, encoding: 'utf8' | 'gbk', path: string | undefined | null, now: string) {
  const { bytes, rows } = courierCsv(db, id, encoding)
  const fileName = `campaign-${id}-courier-${encoding}.csv`
  recordAudit(db, now, 'export', `courier file for campaign ${id}: ${rows} rows, ${encoding}, whole phone numbers 完整手机号 (the courier calls them)`)
  if (path) {
    const file = checkedWritePath(path, ['.csv'])
    writeFileSync(file, bytes)
    return { fileName, file, dataBase64: null, rows, bytes: bytes.length }
  }
  return { fileName, file: null, dataBase64: bytes.toString('base64'), rows, bytes: bytes.length }
}

/** Marks the mailing sent on a date, logging a gift contact per treated customer under the staff name. */
export function markMailedAndRecord(db: Db, id: number, date: string, now: string) {
  const staff = readSettings(db).staffName || null
  const r = markMailed(db, id, date, staff)
  recordAudit(db, now, 'campaign', `campaign ${id} mailed on ${date}: ${r.logged} gifts`)
  return r
}
