/**
 * Segments: built-in schemes (lifecycle, loyalty ladder, member tiers, RFM), the shop's own
 * rule-based segments, the views over them, and recall. The rule tree is checked here, in
 * one place, so the UI, the CLI and the compiler agree on what a valid rule is.
 */
import { z } from 'zod'
import { IsoDate, LifecycleCounts } from './common'
import { isIsoDate as isIsoDateString } from '../domain/dates'
import type { lifecycleStages } from '../domain/lifecycle'
import { defaultCoreCriteria, ladderLabels } from '../domain/ladder'
import { defaultTierRules, tierLabels } from '../domain/tiers'
import { classicLabels, cn8Classes, rfmSchemes } from '../domain/rfm'

// ---------------------------------------------------------------- settings for the schemes

export const CoreCriteriaSchema = z
  .object({
    minCategories: z.number().int().min(0).max(100),
    minOrders: z.number().int().min(0).max(10_000),
    minSpendFen: z.number().int().min(0),
    windowDays: z.number().int().min(1).max(3660)
  })
  .strict()

const TierThresholdSchema = z.object({ minOrders: z.number().int().min(0), minSpendFen: z.number().int().min(0) }).strict()
export const TierRulesSchema = z
  .object({ match: z.enum(['any', 'all']), silver: TierThresholdSchema, gold: TierThresholdSchema, diamond: TierThresholdSchema })
  .strict()
  .refine(
    (t) =>
      t.silver.minOrders <= t.gold.minOrders &&
      t.gold.minOrders <= t.diamond.minOrders &&
      t.silver.minSpendFen <= t.gold.minSpendFen &&
      t.gold.minSpendFen <= t.diamond.minSpendFen,
    { message: '会员等级门槛必须逐级递增 (tier thresholds must rise from silver to diamond)' }
  )

export const RfmSchemeSchema = z.enum(rfmSchemes)

/** Defaults for the scheme settings (spread into defaultSettings). */
export const defaultSegmentSettings = {
  core: { ...defaultCoreCriteria },
  tiers: { ...defaultTierRules },
  rfmScheme: 'classic' as 'classic' | 'cn8'
}

// ---------------------------------------------------------------- the rule tree

/** Lifecycle stage names in Chinese, accepted in rules as aliases of the keys. */
export const lifecycleLabels: Record<(typeof lifecycleStages)[number], { zh: string; en: string }> = {
  active: { zh: '活跃期', en: 'Active' },
  silent: { zh: '沉默期', en: 'Silent' },
  sleeping: { zh: '睡眠期', en: 'Sleeping' },
  drifting: { zh: '流失预警', en: 'Drifting' },
  lost: { zh: '流失期', en: 'Lost' }
}

export const ruleOps = ['=', '!=', '>', '>=', '<', '<=', 'in', 'between', 'contains'] as const
export type RuleOp = (typeof ruleOps)[number]

/** How a field's value is typed; decides the operators it accepts. */
export type FieldKind = 'number' | 'text' | 'month' | 'enum' | 'purchase' | 'stageAt'

const numberOps: RuleOp[] = ['=', '!=', '>', '>=', '<', '<=', 'in', 'between']
const textOps: RuleOp[] = ['=', '!=', 'in', 'contains']
const enumOps: RuleOp[] = ['=', '!=', 'in']

export const consentKinds = ['phone', 'sms', 'wechat', 'mail'] as const

function aliases(labels: Record<string, { zh: string; en: string }>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, l] of Object.entries(labels)) {
    out[k] = k
    out[l.zh] = k
    out[l.en] = k
  }
  return out
}

interface FieldSpec {
  kind: FieldKind
  ops: RuleOp[]
  /** enum fields: accepted value → stored key */
  values?: Record<string, string>
}

/** Every field a rule may use, its kind and its operators: the whitelist. */
export const ruleFields = {
  orders: { kind: 'number', ops: numberOps },
  spendFen: { kind: 'number', ops: numberOps },
  daysSinceLastPurchase: { kind: 'number', ops: numberOps },
  daysSinceFirstPurchase: { kind: 'number', ops: numberOps },
  avgIntervalDays: { kind: 'number', ops: numberOps },
  channelCount: { kind: 'number', ops: numberOps },
  birthdayMonth: { kind: 'number', ops: numberOps },
  // from member lists (会员资料), as of the export date
  pointsBalance: { kind: 'number', ops: numberOps },
  storedValueFen: { kind: 'number', ops: numberOps },
  memberSinceDays: { kind: 'number', ops: numberOps },
  rScore: { kind: 'number', ops: numberOps },
  fScore: { kind: 'number', ops: numberOps },
  mScore: { kind: 'number', ops: numberOps },
  firstPurchaseMonth: { kind: 'month', ops: numberOps },
  boughtProduct: { kind: 'purchase', ops: ['=', '!=', 'contains'] },
  boughtCategory: { kind: 'purchase', ops: ['=', '!=', 'contains'] },
  region: { kind: 'text', ops: textOps },
  tag: { kind: 'text', ops: textOps },
  channel: { kind: 'text', ops: textOps },
  ageBand: { kind: 'text', ops: textOps },
  posTier: { kind: 'text', ops: textOps },
  tier: { kind: 'enum', ops: enumOps, values: aliases(tierLabels) },
  lifecycle: { kind: 'enum', ops: enumOps, values: aliases(lifecycleLabels) },
  ladder: { kind: 'enum', ops: enumOps, values: aliases(ladderLabels) },
  rfmSegment: {
    kind: 'enum',
    ops: enumOps,
    values: {
      ...aliases(classicLabels),
      ...Object.fromEntries(
        cn8Classes.flatMap((c) => [
          [c, c],
          [`${c}客户`, c]
        ])
      )
    }
  },
  consent: { kind: 'enum', ops: enumOps, values: Object.fromEntries(consentKinds.map((k) => [k, k])) },
  lifecycleAt: { kind: 'stageAt', ops: ['=', '!='] }
} satisfies Record<string, FieldSpec>
export type RuleField = keyof typeof ruleFields
export const ruleFieldNames = Object.keys(ruleFields) as RuleField[]

export interface PurchaseValue {
  text: string
  from?: string
  to?: string
}
export interface StageAtValue {
  date: string
  /** a lifecycle stage, or 'none' for no purchase yet on that date */
  stage: string
}
export type LeafValue = number | string | number[] | string[] | PurchaseValue | StageAtValue
export interface RuleLeaf {
  field: RuleField
  op: RuleOp
  value: LeafValue
}
export type RuleNode = { all: RuleNode[] } | { any: RuleNode[] } | { not: RuleNode } | RuleLeaf

const MAX_DEPTH = 20
const MAX_NODES = 500
const MAX_LIST = 1000

class RuleProblem extends Error {
  constructor(
    readonly path: (string | number)[],
    message: string
  ) {
    super(message)
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * Check a raw rule tree and answer it normalised (enum aliases turned into keys); throws
 * RuleProblem with the path and a clear message for the first thing wrong.
 */
function checkNode(raw: unknown, path: (string | number)[], depth: number, count: { n: number }): RuleNode {
  if (++count.n > MAX_NODES) throw new RuleProblem(path, `规则过大 (rule too large: more than ${MAX_NODES} parts)`)
  if (depth > MAX_DEPTH) throw new RuleProblem(path, `规则嵌套过深 (rule nested deeper than ${MAX_DEPTH})`)
  if (!isObject(raw)) throw new RuleProblem(path, '规则必须是对象 (a rule must be an object)')
  const keys = Object.keys(raw)
  for (const group of ['all', 'any'] as const) {
    if (group in raw) {
      if (keys.length !== 1) throw new RuleProblem(path, `"${group}" 组只能有一个键 (a group has only the key "${group}")`)
      const list = raw[group]
      if (!Array.isArray(list)) throw new RuleProblem([...path, group], `"${group}" 需要规则数组 (needs an array of rules)`)
      const children = list.map((c, i) => checkNode(c, [...path, group, i], depth + 1, count))
      return group === 'all' ? { all: children } : { any: children }
    }
  }
  if ('not' in raw) {
    if (keys.length !== 1) throw new RuleProblem(path, '"not" 只能有一个键 (a "not" has only the key "not")')
    return { not: checkNode(raw.not, [...path, 'not'], depth + 1, count) }
  }
  return checkLeaf(raw, path)
}

function checkLeaf(raw: Record<string, unknown>, path: (string | number)[]): RuleLeaf {
  const extra = Object.keys(raw).filter((k) => k !== 'field' && k !== 'op' && k !== 'value')
  if (extra.length) throw new RuleProblem(path, `未知的键 (unknown key) "${extra[0]}"; 规则应为 all / any / not 或 {field, op, value}`)
  const { field, op, value } = raw
  if (typeof field !== 'string' || !Object.prototype.hasOwnProperty.call(ruleFields, field)) {
    throw new RuleProblem([...path, 'field'], `未知字段 (unknown field) "${String(field).slice(0, 60)}"; 可用 (known): ${ruleFieldNames.join(', ')}`)
  }
  const spec: FieldSpec = ruleFields[field as RuleField]
  if (typeof op !== 'string' || !(ruleOps as readonly string[]).includes(op)) {
    throw new RuleProblem([...path, 'op'], `未知运算符 (unknown operator) "${String(op).slice(0, 20)}"; 可用 (known): ${ruleOps.join(' ')}`)
  }
  if (!spec.ops.includes(op as RuleOp)) {
    throw new RuleProblem([...path, 'op'], `字段 ${field} 不支持运算符 (does not take operator) "${op}"; 可用 (allowed): ${spec.ops.join(' ')}`)
  }
  const at = [...path, 'value']
  return { field: field as RuleField, op: op as RuleOp, value: checkValue(field, spec, op as RuleOp, value, at) }
}

function checkValue(field: string, spec: FieldSpec, op: RuleOp, value: unknown, at: (string | number)[]): LeafValue {
  const one = (v: unknown, where: (string | number)[]): number | string => {
    switch (spec.kind) {
      case 'number':
        if (typeof v !== 'number' || !Number.isFinite(v))
          throw new RuleProblem(where, `${field} 需要数字 (needs a number), got ${JSON.stringify(v)?.slice(0, 40)}`)
        return v
      case 'month':
        if (typeof v !== 'string' || !/^\d{4}-(0[1-9]|1[0-2])$/.test(v)) throw new RuleProblem(where, `${field} 需要月份 YYYY-MM (needs a month)`)
        return v
      case 'text':
        if (typeof v !== 'string' || v.length === 0 || v.length > 200) throw new RuleProblem(where, `${field} 需要 1–200 字的文字 (needs text)`)
        return v
      case 'enum': {
        const key = typeof v === 'string' && spec.values && Object.prototype.hasOwnProperty.call(spec.values, v) ? spec.values[v] : undefined
        if (key === undefined) {
          const known = [...new Set(Object.values(spec.values ?? {}))].join(', ')
          throw new RuleProblem(where, `${field} 的值无效 (unknown value) ${JSON.stringify(v)?.slice(0, 40)}; 可用 (known): ${known}`)
        }
        return key
      }
      default:
        throw new RuleProblem(where, `${field}: unexpected value`)
    }
  }
  if (spec.kind === 'purchase') {
    if (!isObject(value) || typeof value.text !== 'string' || value.text.length > 200) {
      throw new RuleProblem(at, `${field} 需要 {text, from?, to?} (needs {text, from?, to?})`)
    }
    const extra = Object.keys(value).filter((k) => !['text', 'from', 'to'].includes(k))
    if (extra.length) throw new RuleProblem(at, `${field} 未知的键 (unknown key) "${extra[0]}"`)
    for (const k of ['from', 'to'] as const) {
      if (value[k] !== undefined && (typeof value[k] !== 'string' || !isIsoDateString(value[k] as string))) {
        throw new RuleProblem([...at, k], `${k} 应为 YYYY-MM-DD (must be a date)`)
      }
    }
    if (value.from && value.to && (value.from as string) > (value.to as string)) throw new RuleProblem(at, '开始日期晚于结束日期 (from is after to)')
    const out: PurchaseValue = { text: value.text }
    if (value.from) out.from = value.from as string
    if (value.to) out.to = value.to as string
    return out
  }
  if (spec.kind === 'stageAt') {
    if (!isObject(value) || typeof value.date !== 'string' || !isIsoDateString(value.date) || typeof value.stage !== 'string') {
      throw new RuleProblem(at, `${field} 需要 {date: YYYY-MM-DD, stage} (needs {date, stage})`)
    }
    const stages = aliases(lifecycleLabels)
    const stage = value.stage === 'none' ? 'none' : stages[value.stage]
    if (!stage) throw new RuleProblem([...at, 'stage'], `未知阶段 (unknown stage) ${JSON.stringify(value.stage).slice(0, 40)}`)
    return { date: value.date, stage }
  }
  if (op === 'in') {
    if (!Array.isArray(value) || value.length === 0 || value.length > MAX_LIST)
      throw new RuleProblem(at, `"in" 需要 1–${MAX_LIST} 个值的数组 (needs a non-empty array)`)
    return value.map((v, i) => one(v, [...at, i])) as number[] | string[]
  }
  if (op === 'between') {
    if (!Array.isArray(value) || value.length !== 2) throw new RuleProblem(at, '"between" 需要 [下限, 上限] (needs [low, high])')
    const lo = one(value[0], [...at, 0])
    const hi = one(value[1], [...at, 1])
    if (lo > hi) throw new RuleProblem(at, '"between" 下限大于上限 (low is above high)')
    return [lo, hi] as number[] | string[]
  }
  if (op === 'contains' && spec.kind !== 'text') throw new RuleProblem(at, `${field} 不支持 contains`)
  return one(value, at)
}

/** A valid rule tree, enum values normalised to keys; errors name the path and what is wrong. */
export const Rule: z.ZodType<RuleNode, unknown> = z.unknown().transform((raw, ctx) => {
  try {
    return checkNode(raw, [], 0, { n: 0 })
  } catch (e) {
    if (!(e instanceof RuleProblem)) throw e
    ctx.addIssue({ code: 'custom', message: e.message, path: e.path })
    return z.NEVER
  }
})

// ---------------------------------------------------------------- channels

const AsOf = z.object({ asOf: IsoDate.optional() }).strict()
const Name = z.string().trim().min(1, '名称不能为空 (name is required)').max(60)

export const Segment = z.object({
  id: z.number().int(),
  name: z.string(),
  rule: z.unknown(),
  createdAt: z.string(),
  updatedAt: z.string()
})
export type Segment = z.infer<typeof Segment>

const Counts = z.record(z.string(), z.number().int())
export const SegmentsOverview = z.object({
  asOf: z.string(),
  customers: z.number().int(),
  buyers: z.number().int(),
  lifecycle: LifecycleCounts,
  ladder: Counts,
  tiers: Counts,
  rfm: z.object({ scheme: RfmSchemeSchema, segments: Counts }),
  rfmClassic: Counts,
  rfmCn8: Counts,
  /** spend (fen) per bucket, same keys as the counts */
  spend: z.object({ lifecycle: Counts, ladder: Counts, tiers: Counts, rfmClassic: Counts, rfmCn8: Counts }),
  custom: Counts
})
export type SegmentsOverview = z.infer<typeof SegmentsOverview>

/** Who: a saved segment by id or name, or a rule as edited. */
export const SegmentRef = z.object({
  id: z.number().int().optional(),
  name: z.string().optional(),
  rule: Rule.optional()
})

export const MembersInput = SegmentRef.extend({
  asOf: IsoDate.optional(),
  limit: z.number().int().min(1).max(5000).default(100),
  offset: z.number().int().min(0).default(0)
}).strict()

export const MemberRow = z.object({
  id: z.number().int(),
  name: z.string().nullable(),
  phone: z.string().nullable(),
  region: z.string().nullable(),
  orders: z.number().int(),
  spendFen: z.number().int(),
  lastPurchase: z.string().nullable(),
  daysSinceLastPurchase: z.number().int().nullable(),
  lifecycle: z.string().nullable(),
  ladder: z.string(),
  tier: z.string(),
  rfm: z.string().nullable()
})
export type MemberRow = z.infer<typeof MemberRow>
export const Members = z.object({ total: z.number().int(), rows: z.array(MemberRow) })
export type Members = z.infer<typeof Members>

export const RfmCell = z.object({ r: z.number().int(), f: z.number().int(), count: z.number().int(), spendFen: z.number().int() })
export const RfmGrid = z.object({ asOf: z.string(), buyers: z.number().int(), cells: z.array(RfmCell) })
export type RfmGrid = z.infer<typeof RfmGrid>

export const RepeatRate = z.object({
  asOf: z.string(),
  months: z.array(z.object({ month: z.string(), buyers: z.number().int(), returning: z.number().int(), rate: z.number() })),
  /** 'YYYY-MM': the first of `months` worth drawing — the shop's first purchase month, kept
   *  between 6 and 24 months back (shared/domain/chart-months.ts); `months` itself stays 24 long */
  chartFrom: z.string()
})
export type RepeatRate = z.infer<typeof RepeatRate>

export const Cohorts = z.object({
  asOf: z.string(),
  cohorts: z.array(z.object({ month: z.string(), size: z.number().int(), retained: z.array(z.number().int()) }))
})
export type Cohorts = z.infer<typeof Cohorts>

export const MigrationInput = z.object({ from: IsoDate.optional(), asOf: IsoDate.optional() }).strict()
export const Migration = z.object({
  from: z.string(),
  to: z.string(),
  /** stages in order; 'none' = no purchase yet on that date */
  stages: z.array(z.string()),
  /** cells[i][j]: customers in stages[i] on `from` and stages[j] on `to` */
  cells: z.array(z.array(z.number().int()))
})
export type Migration = z.infer<typeof Migration>

export const Regions = z.object({
  asOf: z.string(),
  regions: z.array(z.object({ province: z.string(), customers: z.number().int(), buyers: z.number().int(), spendFen: z.number().int() }))
})
export type Regions = z.infer<typeof Regions>

export const RecallInput = z
  .object({
    product: z.string().trim().min(1, '请输入商品编码或名称 (product code or name needed)').max(200),
    from: IsoDate,
    to: IsoDate
  })
  .strict()
  .refine((v) => v.from <= v.to, { message: '开始日期晚于结束日期 (from is after to)', params: { key: 'inputDateRange' } })

export const RecallRow = z.object({
  customerId: z.number().int(),
  customer: z.string().nullable(),
  phone: z.string().nullable(),
  quantity: z.number(),
  lastBought: z.string(),
  products: z.array(z.string()),
  consent: z.object({ phone: z.boolean(), sms: z.boolean(), wechat: z.boolean(), mail: z.boolean() })
})
export type RecallRow = z.infer<typeof RecallRow>

export const RecallExportInput = z
  .object({
    product: z.string().trim().min(1).max(200),
    from: IsoDate,
    to: IsoDate,
    kind: z.enum(['csv', 'callList'])
  })
  .strict()

export const segmentsChannels = {
  /** Counts for every built-in scheme and every saved segment, as of a date (default today). */
  'segments.overview': { input: AsOf, output: SegmentsOverview },
  /** The same overview as a job (jobs.progress follows it, jobs.cancel stops it between schemes): answers its id at once. */
  'segments.overviewStart': { input: AsOf, output: z.object({ jobId: z.string() }) },
  /** Saved segments, by name. */
  'segments.list': { input: z.object({}).strict(), output: z.array(Segment) },
  /** Save a new segment; the name must be unused. */
  'segments.create': { input: z.object({ name: Name, rule: Rule }).strict(), output: Segment },
  /** Rename a segment or change its rule. */
  'segments.update': { input: z.object({ id: z.number().int(), name: Name.optional(), rule: Rule.optional() }).strict(), output: Segment },
  /** Delete a saved segment. */
  'segments.delete': { input: z.object({ id: z.number().int() }).strict(), output: z.object({ deleted: z.boolean() }) },
  /** How many customers a rule selects as of a date: the live count while editing. */
  'segments.count': { input: z.object({ rule: Rule, asOf: IsoDate.optional() }).strict(), output: z.object({ count: z.number().int() }) },
  /** The customers of a saved segment or a rule, a page at a time, biggest spenders first. */
  'segments.members': { input: MembersInput, output: Members },
  /** The RFM grid: buyers and spend for every R × F score pair. */
  'segments.rfmGrid': { input: AsOf, output: RfmGrid },
  /** Share of each month's buyers who had bought before (last 24 months). */
  'segments.repeatRate': { input: AsOf, output: RepeatRate },
  /** Cohort retention: first-purchase month × months since (last 12 cohorts). */
  'segments.cohorts': { input: AsOf, output: Cohorts },
  /** Lifecycle stage on one date against another (default: 91 days before as-of). */
  'segments.migration': { input: MigrationInput, output: Migration },
  /** Customers, buyers and spend by province. */
  'segments.regions': { input: AsOf, output: Regions },
  /** Every customer who bought a product (code or name fragment) in a window. */
  'segments.recall': { input: RecallInput, output: z.array(RecallRow) },
  /** The recall list as a CSV file or a call list (customers who accept calls). */
  'segments.recallExport': { input: RecallExportInput, output: z.object({ fileName: z.string(), content: z.string() }) }
}
