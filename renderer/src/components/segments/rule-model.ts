/**
 * The rule builder's editable tree and its conversion to the rule JSON the contract checks.
 * Leaves keep what was typed as text; conversion parses it by the field's kind.
 */
import { ruleFields, type RuleField } from '@shared/schemas/segments'

export interface LeafModel {
  kind: 'leaf'
  id: number
  field: RuleField
  op: string
  value: string
  /** second value (between) or window dates (purchase, stage date) */
  value2: string
  from: string
  to: string
}
export interface GroupModel {
  kind: 'group'
  id: number
  mode: 'all' | 'any'
  negate: boolean
  children: (LeafModel | GroupModel)[]
}
export type NodeModel = LeafModel | GroupModel

let nextId = 1
export function newLeaf(field: RuleField = 'orders'): LeafModel {
  return { kind: 'leaf', id: nextId++, field, op: ruleFields[field].ops[0], value: '', value2: '', from: '', to: '' }
}
export function newGroup(mode: 'all' | 'any' = 'all'): GroupModel {
  return { kind: 'group', id: nextId++, mode, negate: false, children: [] }
}

const list = (s: string) =>
  s
    .split(/[,，]/)
    .map((x) => x.trim())
    .filter(Boolean)

/** Money fields are typed in yuan and stored in fen (消费额, 储值余额). */
export const yuanScale = (field: RuleField): number => (field.endsWith('Fen') ? 100 : 1)

/** The value of a leaf as the contract expects it; undefined when nothing usable is typed yet. */
function leafValue(l: LeafModel): unknown {
  const spec = ruleFields[l.field]
  const scale = yuanScale(l.field)
  const num = (s: string) => (s.trim() === '' ? NaN : Math.round(Number(s) * scale))
  if (spec.kind === 'purchase') return { text: l.value.trim(), ...(l.from ? { from: l.from } : {}), ...(l.to ? { to: l.to } : {}) }
  if (spec.kind === 'stageAt') return l.from && l.value ? { date: l.from, stage: l.value } : undefined
  if (l.op === 'in') {
    const items = list(l.value)
    return spec.kind === 'number' ? items.map((x) => num(x)) : items
  }
  if (l.op === 'between') return spec.kind === 'number' ? [num(l.value), num(l.value2)] : [l.value.trim(), l.value2.trim()]
  if (spec.kind === 'number') return num(l.value)
  return l.value.trim()
}

/** The rule JSON for the tree (a NOT group becomes {not: {...}}). */
export function toRule(node: NodeModel): unknown {
  if (node.kind === 'leaf') return { field: node.field, op: node.op, value: leafValue(node) }
  const inner = { [node.mode]: node.children.map(toRule) }
  return node.negate ? { not: inner } : inner
}

/** Back from stored rule JSON to the editable tree (best effort for rules typed elsewhere). */
export function fromRule(rule: unknown): GroupModel {
  const node = parse(rule)
  if (node.kind === 'group') return node
  const g = newGroup()
  g.children.push(node)
  return g
}

function parse(rule: unknown): NodeModel {
  const r = rule as Record<string, unknown>
  if (r && 'not' in r) {
    const inner = parse(r.not)
    if (inner.kind === 'group') return { ...inner, negate: !inner.negate }
    const g = newGroup()
    g.negate = true
    g.children.push(inner)
    return g
  }
  if (r && ('all' in r || 'any' in r)) {
    const mode = 'all' in r ? 'all' : 'any'
    const g = newGroup(mode)
    g.children = ((r[mode] as unknown[]) ?? []).map(parse)
    return g
  }
  const l = newLeaf((r?.field as RuleField) ?? 'orders')
  l.op = String(r?.op ?? l.op)
  const v = r?.value as unknown
  const scale = yuanScale(l.field)
  const show = (x: unknown) => (typeof x === 'number' ? String(x / scale) : String(x ?? ''))
  if (Array.isArray(v)) {
    if (l.op === 'between') {
      l.value = show(v[0])
      l.value2 = show(v[1])
    } else l.value = v.map(show).join(', ')
  } else if (v && typeof v === 'object') {
    const o = v as Record<string, string>
    l.value = o.text ?? o.stage ?? ''
    l.from = o.from ?? o.date ?? ''
    l.to = o.to ?? ''
  } else l.value = show(v)
  return l
}
