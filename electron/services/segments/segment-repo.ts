/** Saved segments: a name and a rule tree, stored as JSON in the segments table. */
import type { Db } from '../../db/driver'
import { Rule, type RuleNode, type Segment } from '../../../shared/schemas/segments'
import { refuse } from '../../../shared/errors/refuse'

interface Row {
  id: number
  name: string
  rule: string
  created_at: string
  updated_at: string
}

function toSegment(r: Row): Segment {
  return { id: r.id, name: r.name, rule: JSON.parse(r.rule), createdAt: r.created_at, updatedAt: r.updated_at }
}

/** Every saved segment, by name. */
export function listSegments(db: Db): Segment[] {
  return (db.prepare('SELECT * FROM segments ORDER BY name').all() as Row[]).map(toSegment)
}

/** A saved segment by id or name; NOT_FOUND when there is none. */
export function findSegment(db: Db, ref: { id?: number; name?: string }): Segment {
  const row =
    ref.id !== undefined
      ? (db.prepare('SELECT * FROM segments WHERE id = ?').get(ref.id) as Row | undefined)
      : (db.prepare('SELECT * FROM segments WHERE name = ?').get(ref.name ?? '') as Row | undefined)
  if (!row) throw refuse('segmentNotFound', { segment: ref.id ?? ref.name ?? '' })
  return toSegment(row)
}

/** The stored rule of a segment, re-checked (a rule saved by an older version may no longer be valid). */
export function segmentRule(segment: Segment): RuleNode {
  const parsed = Rule.safeParse(segment.rule)
  if (!parsed.success) throw refuse('segmentRuleInvalid', { name: segment.name, reason: parsed.error.issues[0]?.message ?? '' })
  return parsed.data
}

function assertNameFree(db: Db, name: string, exceptId?: number): void {
  const other = db.prepare('SELECT id FROM segments WHERE name = ?').pluck().get(name) as number | undefined
  if (other !== undefined && other !== exceptId) throw refuse('segmentNameTaken', { name })
}

/** Save a new segment. */
export function createSegment(db: Db, input: { name: string; rule: RuleNode }, now: string): Segment {
  assertNameFree(db, input.name)
  const info = db.prepare('INSERT INTO segments (name, rule, created_at, updated_at) VALUES (?, ?, ?, ?)').run(input.name, JSON.stringify(input.rule), now, now)
  return findSegment(db, { id: Number(info.lastInsertRowid) })
}

/** Rename a segment or replace its rule. */
export function updateSegment(db: Db, input: { id: number; name?: string; rule?: RuleNode }, now: string): Segment {
  const current = findSegment(db, { id: input.id })
  if (input.name !== undefined) assertNameFree(db, input.name, input.id)
  db.prepare('UPDATE segments SET name = ?, rule = ?, updated_at = ? WHERE id = ?').run(
    input.name ?? current.name,
    JSON.stringify(input.rule ?? current.rule),
    now,
    input.id
  )
  return findSegment(db, { id: input.id })
}

/** Delete a segment; answers whether there was one. */
export function deleteSegment(db: Db, id: number): boolean {
  return db.prepare('DELETE FROM segments WHERE id = ?').run(id).changes === 1
}
