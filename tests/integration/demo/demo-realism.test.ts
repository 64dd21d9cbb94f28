/**
 * The imported demo shop's people make sense: what a family buys fits its baby's age on the
 * day of the sale, the product list arrives as its own batch with categories, and surnames
 * come in their real proportions. Everything is read back from the database the demo's files
 * were imported into, never from the plan that wrote them.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { testContext, testDispatch } from '../../helpers/db'
import type { Db } from '../../../electron/db/driver'

const AS_OF = '2026-11-23'

/** whole months from birthday to day, counted here independently of the demo's own helper */
function months(birthday: string, day: string): number {
  const b = new Date(`${birthday}T00:00:00Z`)
  const d = new Date(`${day.slice(0, 10)}T00:00:00Z`)
  let m = (d.getUTCFullYear() - b.getUTCFullYear()) * 12 + d.getUTCMonth() - b.getUTCMonth()
  if (d.getUTCDate() < b.getUTCDate()) m -= 1
  return m
}

/** formula stages (GB 10765 infant, GB 10767 older infant and young child) by age in months, [from, to) */
const FORMULA_STAGE: Record<string, [number, number]> = { '1段': [0, 6], '2段': [6, 12], '3段': [12, 36] }
/** nappy sizes by age as makers' weight charts put them, [from, to) */
const NAPPY_SIZE: Record<string, [number, number]> = { NB: [0, 1], S: [1, 4], M: [3, 9], L: [8, 15], XL: [12, 36] }

interface SoldLine {
  product: string
  category: string | null
  at: string
  birthday: string
}

let db: Db
let sold: SoldLine[]

beforeAll(async () => {
  const ctx = testContext(AS_OF)
  const r = await testDispatch(ctx)('demo.load', { customers: 400, seed: 11, asOf: AS_OF })
  if (!r.ok) throw new Error(JSON.stringify(r))
  db = ctx.db
  sold = db
    .prepare(
      `SELECT p.name AS product, p.category, o.ordered_at AS at, ch.birthday
         FROM order_lines l JOIN orders o ON o.id = l.order_id JOIN products p ON p.id = l.product_id
         JOIN customer_children ch ON ch.customer_id = l.customer_id
        WHERE l.quantity > 0 AND ch.birthday IS NOT NULL`
    )
    .all() as SoldLine[]
}, 120_000)

describe('the imported demo sells each family what its baby’s age calls for', () => {
  it('most buyers’ babies are known from the member list, so the check below covers most lines', () => {
    const lines = db.prepare('SELECT count(*) FROM order_lines WHERE quantity > 0').pluck().get() as number
    expect(sold.length).toBeGreaterThan(lines * 0.6)
  })

  it('every formula line’s stage matches the child’s age at the sale: 1段 under 6 months, 2段 6–11, 3段 12–35', () => {
    const formula = sold.filter((l) => /[123]段/.test(l.product))
    expect(formula.length).toBeGreaterThan(300)
    const wrong = formula.filter((l) => {
      const [from, to] = FORMULA_STAGE[l.product.match(/[123]段/)![0]]
      const m = months(l.birthday, l.at)
      return m < from || m >= to
    })
    expect(wrong).toEqual([])
    // and each stage is sold, so the shop shows the whole progression
    for (const stage of Object.keys(FORMULA_STAGE)) expect(formula.some((l) => l.product.includes(stage))).toBe(true)
  })

  it('every nappy’s size fits the child’s age: NB for the first month, never XL pull-ups before the first birthday', () => {
    const nappies = sold.filter((l) => l.category === '纸尿裤')
    expect(nappies.length).toBeGreaterThan(200)
    const wrong = nappies.filter((l) => {
      const [from, to] = NAPPY_SIZE[l.product.match(/(NB|XL|S|M|L)码/)![1]]
      const m = months(l.birthday, l.at)
      return m < from || m >= to
    })
    expect(wrong).toEqual([])
  })

  it('nobody buys for a child of three or older: families outgrow the shop', () => {
    expect(sold.filter((l) => months(l.birthday, l.at) >= 36)).toEqual([])
    expect(sold.filter((l) => months(l.birthday, l.at) < 0)).toEqual([])
  })
})

describe('the imported demo’s product list and names', () => {
  it('imports the product list as its own batch first, and every sold line, the Tmall shop’s online ones included, has its category', () => {
    const first = db.prepare('SELECT kind, file_name AS file, rows_imported AS rows FROM import_batches ORDER BY id LIMIT 1').get()
    expect(first).toEqual({ kind: 'products', file: '商品资料.xlsx', rows: 25 })
    const uncategorised = db.prepare('SELECT count(*) FROM order_lines l JOIN products p ON p.id = l.product_id WHERE p.category IS NULL').pluck().get()
    expect(uncategorised).toBe(0)
    const onlineLines = db.prepare("SELECT count(*) FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.channel = 'online'").pluck().get() as number
    expect(onlineLines).toBeGreaterThan(0)
  })

  it('draws surnames by their real frequency: 王, 李 and 张 among the five commonest, together about a quarter of the customers', () => {
    const names = db.prepare('SELECT name FROM customers WHERE name IS NOT NULL').pluck().all() as string[]
    const count = new Map<string, number>()
    for (const n of names) {
      const surname = n.startsWith('欧阳') ? '欧阳' : n[0]
      count.set(surname, (count.get(surname) ?? 0) + 1)
    }
    const ranked = [...count.entries()].sort((a, b) => b[1] - a[1]).map(([s]) => s)
    for (const s of ['王', '李', '张']) expect(ranked.slice(0, 5)).toContain(s)
    // the old list drew 100 surnames evenly: about 40 distinct ones in 400 names would each hold 1 %
    expect(count.get('王')! / names.length).toBeGreaterThan(0.04)
    const topThree = ((count.get('王') ?? 0) + (count.get('李') ?? 0) + (count.get('张') ?? 0)) / names.length
    // 208‰ of the weights ÷ 857‰ drawn = 24 %; 400 draws put it within ±6 points
    expect(topThree).toBeGreaterThan(0.18)
    expect(topThree).toBeLessThan(0.3)
  })
})
