/**
 * Who did what and when, for imports, undo, merges, erases, exports, prints, backups and
 * restores. Callers pass counts and ids, never names, phones or addresses: the audit trail
 * must outlive an erased customer without keeping their personal data.
 */
import type { Db } from '../../db/driver'
import { readSettings } from '../settings/settings-service'

export const auditActions = [
  'import',
  'undo-import',
  'merge',
  'undo-merge',
  'erase',
  'export',
  'print',
  'backup',
  'restore',
  'import-all',
  'campaign',
  'passcode-set',
  'passcode-clear',
  'unlock-failed',
  'consent-withdrawn',
  'consent-restored'
] as const
export type AuditAction = (typeof auditActions)[number]

export interface AuditRow {
  id: number
  at: string
  staff: string | null
  action: string
  detail: string | null
}

/** Append one audit line; the staff name comes from the settings unless the caller has it already. */
export function recordAudit(db: Db, at: string, action: AuditAction, detail: string, staff: string = readSettings(db).staffName): void {
  db.prepare('INSERT INTO audit_log (at, staff, action, detail) VALUES (?, ?, ?, ?)').run(at, staff || null, action, detail)
}

/** The newest audit lines first. */
export function listAudit(db: Db, limit: number, offset: number): { total: number; rows: AuditRow[] } {
  const total = db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number
  const rows = db.prepare('SELECT id, at, staff, action, detail FROM audit_log ORDER BY id DESC LIMIT ? OFFSET ?').all(limit, offset) as AuditRow[]
  return { total, rows }
}
