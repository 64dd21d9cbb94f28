/** Templates in the `templates` table: JSON sheet and body in, validated objects out. */
import type { Db } from '../../db/driver'
import { sheetProblems } from '../../../shared/domain/sheets'
import { SheetGeometry, Template, TemplateBody, type TemplateSummary } from '../../../shared/schemas/printing'
import type { z } from 'zod'
import { builtInTemplates } from './built-in-templates'
import { refuse } from '../../../shared/errors/refuse'

interface Row {
  id: number
  name: string
  kind: string
  sheet: string
  body: string
  built_in: number
  updated_at: string
}

function toTemplate(r: Row): Template {
  return Template.parse({
    id: r.id,
    name: r.name,
    kind: r.kind,
    sheet: SheetGeometry.parse(JSON.parse(r.sheet)),
    body: TemplateBody.parse(JSON.parse(r.body)),
    builtIn: r.built_in === 1,
    updatedAt: r.updated_at
  })
}

/** Seed the built-in templates that are not there yet (first use, or a newer app version). */
export function ensureBuiltIns(db: Db, at: string): number {
  const existing = new Set(db.prepare('SELECT name FROM templates WHERE built_in = 1').pluck().all() as string[])
  const insert = db.prepare('INSERT INTO templates (name, kind, sheet, body, built_in, updated_at) VALUES (?, ?, ?, ?, 1, ?)')
  let added = 0
  db.transaction(() => {
    for (const t of builtInTemplates()) {
      if (existing.has(t.name)) continue
      insert.run(t.name, t.kind, JSON.stringify(t.sheet), JSON.stringify(TemplateBody.parse(t.body)), at)
      added++
    }
  })()
  return added
}

/** Every template: built-ins first in their own order, then the shop's newest first. */
export function listTemplates(db: Db, at: string): TemplateSummary[] {
  ensureBuiltIns(db, at)
  const rows = db
    .prepare('SELECT id, name, kind, sheet, built_in FROM templates ORDER BY built_in DESC, CASE built_in WHEN 1 THEN id END, updated_at DESC, id DESC')
    .all() as Row[]
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind as TemplateSummary['kind'],
    sheet: (JSON.parse(r.sheet) as { id: string }).id,
    builtIn: r.built_in === 1
  }))
}

/** One template, or NOT_FOUND. */
export function getTemplate(db: Db, id: number): Template {
  const row = db.prepare('SELECT * FROM templates WHERE id = ?').get(id) as Row | undefined
  if (!row) throw refuse('templateNotFound', { id })
  return toTemplate(row)
}

export interface TemplateDraft {
  id?: number
  name: string
  kind: Template['kind']
  sheet: z.infer<typeof SheetGeometry>
  body: z.input<typeof TemplateBody>
}

/** Create or update; the sheet must be printable and block ids unique within each design. */
export function saveTemplate(db: Db, draft: TemplateDraft, at: string): Template {
  const problems = sheetProblems(draft.sheet)
  if (problems.length) throw problems[0]
  const body = TemplateBody.parse(draft.body)
  for (const design of [body.blocks, ...body.variants.map((v) => v.blocks)]) {
    const ids = design.map((b) => b.id)
    const dup = ids.find((id, i) => ids.indexOf(id) !== i)
    if (dup) throw refuse('duplicateBlockId', { id: dup })
  }
  const variantIds = body.variants.map((v) => v.id)
  const twice = variantIds.find((id, i) => variantIds.indexOf(id) !== i)
  if (twice !== undefined) throw refuse('duplicateVariantId', { id: twice })
  if (draft.id === undefined) {
    const r = db
      .prepare('INSERT INTO templates (name, kind, sheet, body, built_in, updated_at) VALUES (?, ?, ?, ?, 0, ?)')
      .run(draft.name, draft.kind, JSON.stringify(draft.sheet), JSON.stringify(body), at)
    return getTemplate(db, Number(r.lastInsertRowid))
  }
  getTemplate(db, draft.id)
  db.prepare('UPDATE templates SET name = ?, kind = ?, sheet = ?, body = ?, updated_at = ? WHERE id = ?').run(
    draft.name,
    draft.kind,
    JSON.stringify(draft.sheet),
    JSON.stringify(body),
    at,
    draft.id
  )
  return getTemplate(db, draft.id)
}

/** A copy named "… 副本" that the shop owns. */
export function duplicateTemplate(db: Db, id: number, at: string): Template {
  const t = getTemplate(db, id)
  return saveTemplate(db, { name: `${t.name} 副本`, kind: t.kind, sheet: t.sheet, body: t.body }, at)
}

/** Delete one of the shop's templates; built-ins stay (they would be seeded again anyway). */
export function deleteTemplate(db: Db, id: number): boolean {
  const t = getTemplate(db, id)
  if (t.builtIn) throw refuse('builtInTemplateUndeletable')
  return db.prepare('DELETE FROM templates WHERE id = ?').run(id).changes === 1
}
