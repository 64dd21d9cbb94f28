/**
 * Rule tree → a parameterised SQL condition over `customers c` joined to the snapshot `s`
 * (see snapshot.ts). Values only ever travel as `?` parameters; column names and SQL come
 * only from the constant maps below, looked up by field names the schema has whitelisted.
 * A missing figure (NULL) means "no". Outside any NOT that needs nothing, since WHERE keeps only
 * rows whose AND / OR of tests is true; under a NOT each leaf is wrapped in coalesce(…, 0) so that
 * NOT is a true complement. Leaving the wrapper off elsewhere lets SQLite use an index on the
 * column tested (the benchmark's bought-a-product count within a province: 202–220 → 115–119 ms
 * over 200,000 customers).
 */
import type { PurchaseValue, RuleLeaf, RuleNode, StageAtValue } from '../../../shared/schemas/segments'
import { ruleFields } from '../../../shared/schemas/segments'
import type { LifecycleThresholds } from '../../../shared/domain/lifecycle'
import { addDays } from '../../../shared/domain/dates'
import { rfmNamesSql, type RfmCuts } from './rfm-cuts'
import { refuse } from '../../../shared/errors/refuse'

export interface CompiledRule {
  sql: string
  params: (string | number)[]
  /** the rule reads purchase days or channels, which a past date's snapshot works out only on demand */
  readsPurchaseDetail: boolean
}

export interface CompileContext {
  asOf: string
  lifecycle: LifecycleThresholds
  /** the snapshot's RFM cut points (null when nobody bought) */
  rfm: RfmCuts | null
}

/** Number-like fields: the SQL expression each reads. */
const numberColumns: Record<string, string> = {
  orders: 's.orders',
  spendFen: 's.spend_fen',
  daysSinceLastPurchase: 's.days_last',
  daysSinceFirstPurchase: 's.days_first',
  avgIntervalDays: 's.avg_interval',
  channelCount: 's.channels',
  // 'YYYY-MM-DD' and the year-less 'MM-DD' a member list may give both end in MM-DD
  birthdayMonth: "CAST(nullif(substr(c.birthday, -5, 2), '') AS INTEGER)",
  pointsBalance: 'c.points_balance',
  storedValueFen: 'c.stored_value_fen',
  rScore: 's.r',
  fScore: 's.f',
  mScore: 's.m',
  firstPurchaseMonth: 'substr(s.first_day, 1, 7)'
}

/** The fields that read the snapshot's purchase days or channels (see ensurePurchaseDetail). */
const purchaseDetailFields = new Set(['avgIntervalDays', 'channelCount'])

/** Enum fields stored on the snapshot, one column each (RFM segments, in two columns, are compiled apart). */
const enumColumns: Record<string, string> = {
  tier: 's.tier',
  lifecycle: 's.lifecycle',
  ladder: 's.ladder'
}

const consentColumns: Record<string, string> = {
  phone: 'c.consent_phone',
  sms: 'c.consent_sms',
  wechat: 'c.consent_wechat',
  mail: 'c.consent_mail'
}

const compareOps: Record<string, string> = { '=': '=', '!=': '<>', '>': '>', '>=': '>=', '<': '<', '<=': '<=' }

/** Compile a checked rule tree. */
export function compileRule(rule: RuleNode, ctx: CompileContext): CompiledRule {
  const params: (string | number)[] = []
  const sql = node(rule, ctx, params)
  return { sql, params, readsPurchaseDetail: readsAny(rule, purchaseDetailFields) }
}

function readsAny(rule: RuleNode, fields: Set<string>): boolean {
  if ('all' in rule) return rule.all.some((r) => readsAny(r, fields))
  if ('any' in rule) return rule.any.some((r) => readsAny(r, fields))
  if ('not' in rule) return readsAny(rule.not, fields)
  return fields.has(rule.field)
}

/** `negated`: the node sits under a NOT somewhere above, where NULL must read as 0. */
function node(rule: RuleNode, ctx: CompileContext, params: (string | number)[], negated = false): string {
  if ('all' in rule) return rule.all.length ? group(rule.all, ' AND ', ctx, params, negated) : '1'
  if ('any' in rule) return rule.any.length ? group(rule.any, ' OR ', ctx, params, negated) : '0'
  if ('not' in rule) return `(NOT ${node(rule.not, ctx, params, true)})`
  const sql = leaf(rule, ctx, params)
  return negated ? `coalesce((${sql}), 0)` : `(${sql})`
}

/**
 * AND / OR of the children, cheapest first: SQLite evaluates the terms in the order written and
 * stops at the first that settles the answer, so a per-customer look-up (bought a product, …)
 * runs only for the customers the column tests and the once-computed sets let through.
 * AND and OR give the same answer in any order (NULL included), so the order changes nothing
 * but the time.
 */
function group(children: RuleNode[], joiner: string, ctx: CompileContext, params: (string | number)[], negated: boolean): string {
  const compiled = children.map((child) => {
    const own: (string | number)[] = []
    const sql = node(child, ctx, own, negated)
    // 0: columns only; 1: a set computed once for the statement (IN (SELECT …)); 2: a look-up per customer (EXISTS)
    const cost = !/\bSELECT\b/.test(sql) ? 0 : /\bEXISTS \(/.test(sql) ? 2 : 1
    return { sql, own, cost }
  })
  const ordered = [0, 1, 2].flatMap((cost) => compiled.filter((c) => c.cost === cost))
  for (const c of ordered) params.push(...c.own)
  return `(${ordered.map((c) => c.sql).join(joiner)})`
}

/** `expr op value` for scalar comparisons, IN lists and BETWEEN. */
function compare(expr: string, op: string, value: unknown, params: (string | number)[]): string {
  if (op === 'in') {
    const list = value as (string | number)[]
    params.push(...list)
    return `${expr} IN (${list.map(() => '?').join(', ')})`
  }
  if (op === 'between') {
    const [lo, hi] = value as [string | number, string | number]
    params.push(lo, hi)
    return `${expr} BETWEEN ? AND ?`
  }
  const sqlOp = compareOps[op]
  if (!sqlOp) throw refuse('ruleOperatorNotApplicable', { op })
  params.push(value as string | number)
  return `${expr} ${sqlOp} ?`
}

/** A text match on one expression: = / != exact, in a list, contains a fragment (no LIKE wildcards). */
function textMatch(expr: string, op: string, value: unknown, params: (string | number)[]): string {
  if (op === 'contains') {
    params.push(value as string)
    return `instr(${expr}, ?) > 0`
  }
  return compare(expr, op, value, params)
}

function leaf(rule: RuleLeaf, ctx: CompileContext, params: (string | number)[]): string {
  const { field, op, value } = rule
  if (!Object.prototype.hasOwnProperty.call(ruleFields, field)) throw refuse('ruleUnknownField', { field: String(field) })
  const next = addDays(ctx.asOf, 1)

  if (field in numberColumns) return compare(numberColumns[field], op, value, params)

  if (field === 'rfmSegment') {
    // compiled from the snapshot's cut points to tests on its figures (see rfmNamesSql)
    const positive = rfmNamesSql(ctx.rfm, (op === 'in' ? value : [value]) as string[], 's.')
    return op === '!=' ? `NOT coalesce(${positive}, 0)` : positive
  }

  if (field in enumColumns) {
    const positive = (cmpOp: string) => `(${compare(enumColumns[field], cmpOp, value, params)})`
    return op === '!=' ? `NOT coalesce(${positive('=')}, 0)` : positive(op)
  }

  switch (field) {
    case 'memberSinceDays':
      // whole days from the member list's 开卡日期 to the as-of date
      params.push(ctx.asOf)
      return compare('CAST(julianday(?) - julianday(c.member_since) AS INTEGER)', op, value, params)
    case 'posTier':
      if (op === '!=') {
        params.push(value as string)
        return `coalesce(c.pos_tier, '') <> ?`
      }
      return textMatch('c.pos_tier', op, value, params)
    case 'consent': {
      const kinds = (op === 'in' ? value : [value]) as string[]
      const any = `(${kinds.map((k) => `${consentColumns[k]} = 1`).join(' OR ')})`
      return op === '!=' ? `NOT ${any}` : any
    }
    case 'region': {
      // a region is a province, city or district name; contains also searches the address
      if (op === 'contains') {
        params.push(value as string)
        return `instr(coalesce(c.province, '') || ' ' || coalesce(c.city, '') || ' ' || coalesce(c.district, '') || ' ' || coalesce(c.address, ''), ?) > 0`
      }
      const cols = ['c.province', 'c.city', 'c.district']
      const positive = `(${cols.map((col) => compare(col, op === '!=' ? '=' : op, value, params)).join(' OR ')})`
      return op === '!=' ? `NOT coalesce(${positive}, 0)` : positive
    }
    case 'ageBand':
      if (op === '!=') {
        params.push(value as string)
        return `coalesce(c.age_band, '') <> ?`
      }
      return textMatch('c.age_band', op, value, params)
    case 'tag': {
      const inner = textMatch('t.tag', op === '!=' ? '=' : op, value, params)
      const sub = `c.id IN (SELECT t.customer_id FROM customer_tags t WHERE ${inner})`
      return op === '!=' ? `NOT (${sub})` : sub
    }
    case 'channel': {
      params.push(next)
      const base = `SELECT o.customer_id FROM orders o WHERE o.is_purchase = 1 AND o.customer_id IS NOT NULL AND o.ordered_at < ?`
      const inner = textMatch('o.channel', op === '!=' ? '=' : op, value, params)
      const sub = `c.id IN (${base} AND ${inner})`
      return op === '!=' ? `NOT (${sub})` : sub
    }
    case 'boughtProduct':
    case 'boughtCategory':
      return bought(field, op, value as PurchaseValue, ctx, params)
    case 'lifecycleAt':
      return stageAt(op, value as StageAtValue, ctx, params)
  }
  throw refuse('ruleFieldNotCompilable', { field: String(field) })
}

/**
 * Bought a product (code or name) or a category within a window (default: everything up to the
 * as-of date; a window never reaches past it). `=` exact, `contains` a fragment, `!=` did not
 * buy an exact match; an empty text matches any product.
 */
function bought(field: string, op: string, v: PurchaseValue, ctx: CompileContext, params: (string | number)[]): string {
  const to = v.to && v.to < ctx.asOf ? v.to : ctx.asOf
  const window = (alias: string) => {
    params.push(addDays(to, 1))
    if (v.from) params.push(v.from)
    return `${alias}.ordered_at < ?${v.from ? ` AND ${alias}.ordered_at >= ?` : ''}`
  }
  // one customer at a time (correlated, so a rule's cheaper terms can rule customers out first):
  // their purchase orders in the window by index, then the lines of those orders
  const orders = `SELECT 1 FROM orders o INDEXED BY orders_purchase`
  const inWindow = `o.customer_id = c.id AND o.is_purchase = 1 AND ${window('o')}`
  let sub: string
  if (v.text === '') {
    // any product: any purchase in the window (a purchase order has a sale line)
    sub = `EXISTS (${orders} WHERE ${inWindow})`
  } else {
    // the matching products are found once for the statement; each line is then a look-up
    let match: string
    if (field === 'boughtCategory') {
      match = op === 'contains' ? 'instr(p.category, ?) > 0' : 'p.category = ?'
      params.push(v.text)
    } else {
      match = op === 'contains' ? '(instr(p.code, ?) > 0 OR instr(p.name, ?) > 0)' : '(p.code = ? OR p.name = ?)'
      params.push(v.text, v.text)
    }
    sub = `EXISTS (${orders} JOIN order_lines l ON l.order_id = o.id
      WHERE ${inWindow} AND l.amount_fen > 0 AND l.product_id IN (SELECT p.id FROM products p WHERE ${match}))`
  }
  return op === '!=' ? `NOT (${sub})` : sub
}

/** The lifecycle stage on another date ('none' = no purchase yet then), for stage migration. */
function stageAt(op: string, v: StageAtValue, ctx: CompileContext, params: (string | number)[]): string {
  const t = ctx.lifecycle
  const next = addDays(v.date, 1)
  let sub: string
  if (v.stage === 'none') {
    params.push(next)
    sub = `c.id NOT IN (SELECT customer_id FROM orders WHERE is_purchase = 1 AND customer_id IS NOT NULL AND ordered_at < ?)`
  } else {
    const bounds: Record<string, [number, number]> = {
      active: [0, t.active],
      silent: [t.active + 1, t.silent],
      sleeping: [t.silent + 1, t.sleeping],
      drifting: [t.sleeping + 1, t.drifting],
      lost: [t.drifting + 1, 1_000_000]
    }
    const [lo, hi] = bounds[v.stage]
    params.push(next, v.date, lo, hi)
    sub = `c.id IN (SELECT customer_id FROM orders WHERE is_purchase = 1 AND customer_id IS NOT NULL AND ordered_at < ?
      GROUP BY customer_id HAVING CAST(julianday(?) - julianday(substr(max(ordered_at), 1, 10)) AS INTEGER) BETWEEN ? AND ?)`
  }
  return op === '!=' ? `NOT (${sub})` : sub
}
