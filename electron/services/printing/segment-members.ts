/**
 * The one place printing asks the segments service who is in a segment. Until that service
 * is wired, a segment target answers a clear error and the other targets still work.
 */
import type { Db } from '../../db/driver'
import { DomainError } from '../../../shared/result'
import type { LifecycleThresholds } from '../../../shared/domain/lifecycle'

/** Whether segments can be evaluated in this build. */
export const segmentsAvailable = false

/** Customer ids in a saved segment (by name or id) as of a date. */
export function segmentMembers(db: Db, segment: string | number, _asOf: string, _thresholds: LifecycleThresholds): number[] {
  const row = db.prepare(typeof segment === 'number' ? 'SELECT id, name FROM segments WHERE id = ?' : 'SELECT id, name FROM segments WHERE name = ?').get(segment) as
    | { id: number; name: string }
    | undefined
  if (!row) throw new DomainError('NOT_FOUND', `没有这个分群：${segment} (no such segment)`)
  throw new DomainError('NOT_FOUND', `分群功能尚未接入打印，请改选活动、导入批次或生命周期 (segments are not wired into printing yet: ${row.name})`)
}
