/**
 * Who did what and when. The lines of contract calls are built in shared/audit-specs.ts and
 * written by electron/ipc/audit-trail.ts; the only other caller is the command-line passcode
 * reset, which is no contract call. Lines hold counts and ids, never names, phones or addresses:
 * the audit trail must outlive an erased customer without keeping their personal data.
 */
import type { Db } from '../../db/driver'
import { readSettings } from '../settings/settings-service'
import { outsideKeptReads } from '../app/data-version'
import type { AuditAction } from '../../../shared/audit-specs'

export { auditActions, type AuditAction } from '../../../shared/audit-specs'

export interface AuditRow {
  id: number
  at: string
  staff: string | null
  action: string
  detail: string | null
}

/** Append one audit line; the staff name comes from the settings unless the caller has it already. */
export function recordAudit(db: Db, at: string, action: AuditAction, detail: string, staff: string = readSettings(db).staffName): void {
  outsideKeptReads(db, () => db.prepare('INSERT INTO audit_log (at, staff, action, detail) VALUES (?, ?, ?, ?)').run(at, staff || null, action, detail))
}

/** The newest audit lines first. */
export function listAudit(db: Db, limit: number, offset: number): { total: number; rows: AuditRow[] } {
  const total = db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number
  const rows = db.prepare('SELECT id, at, staff, action, detail FROM audit_log ORDER BY id DESC LIMIT ? OFFSET ?').all(limit, offset) as AuditRow[]
  return { total, rows }
}
