/**
 * A new shop's first months, on its own export files only (tests/fixtures/journey, made by
 * make-journey.ts): the member list, the product list, September's counter export and Taobao
 * export, a region segment, a gift mailing with its control group, the labels, October's counter
 * export, the campaign's results, a replenishment call, and the undo of October's batch.
 * Every step goes through the contract channels as the UI does; every expected figure comes from
 * an independent reading of the files (journey-files.ts) or is worked out by hand in a comment.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { testContext, testDispatch } from '../../helpers/db'
import { typedCall } from '../campaigns/build-shop'
import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/ipc-contract'
import type { PlanResult } from '../../../shared/schemas/campaigns'
import { fileMembers, fileOnlineSales, filePosSales, journeyFile, personOf, type FileSale } from './journey-files'

const PLANNED = '2026-10-01'
const MAILED = '2026-10-02'
const TODAY = '2026-11-23'
const GIFT_FEN = 1500
const POSTAGE_FEN = 800
const BUDGET_FEN = 40_000

const members = fileMembers()
const september = [...filePosSales('pos-2026-09.csv'), ...fileOnlineSales('taobao-2026-09.csv')]
const october = filePosSales('pos-2026-10.csv')
const sum = (sales: FileSale[]) => sales.reduce((s, x) => s + x.fen, 0)
const people = (sales: FileSale[]) => new Set(sales.map((s) => personOf(s, members)))
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)

/** Wilson score interval, and Newcombe's hybrid interval for a difference of two proportions (Newcombe 1998, method 10). */
function wilson(x: number, n: number): [number, number] {
  const z = 1.959963984540054
  const p = x / n
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n)
  const half = (z / (1 + (z * z) / n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))
  return [Math.max(0, centre - half), Math.min(1, centre + half)]
}
function newcombe(x1: number, n1: number, x2: number, n2: number): [number, number] {
  const [p1, p2] = [x1 / n1, x2 / n2]
  const [l1, u1] = wilson(x1, n1)
  const [l2, u2] = wilson(x2, n2)
  return [p1 - p2 - Math.hypot(p1 - l1, u2 - p2), p1 - p2 + Math.hypot(u1 - p1, p2 - l2)]
}

describe('a new shop’s first months, run on its export files only', () => {
  const ctx = testContext(PLANNED)
  const call = typedCall(testDispatch(ctx) as Parameters<typeof typedCall>[0])
  async function ok<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
    const r = await call(channel, input)
    if (!r.ok) throw new Error(`${channel}: ${r.message}`)
    return r.data
  }
  const importFile = (name: string) => ok('imports.commit', { file: { path: journeyFile(name) }, options: {} })
  let plan: PlanResult
  let octoberBatch: number

  beforeAll(async () => {
    // the order a new shop meets them: people first, then products, then the sales
    expect((await importFile('members.csv')).kind).toBe('members')
    expect((await importFile('products.csv')).kind).toBe('products')
  })

  it('imports September’s counter and Taobao exports onto the members, each its own batch', async () => {
    const pos = await importFile('pos-2026-09.csv')
    // 32 data rows: 30 member receipts, a walk-in, a cancelled receipt (the title, export time, blank and 合计 rows are not data)
    expect(pos).toMatchObject({
      kind: 'sales',
      encoding: 'gb18030',
      headerRow: 4,
      rowsRead: 32,
      rowsImported: 30,
      walkIn: 1,
      excludedByStatus: 1,
      customersCreated: 0,
      customersMatched: 30,
      rowsRejected: 0
    })
    expect(pos.totalFen).toBe(sum(filePosSales('pos-2026-09.csv')))
    const online = await importFile('taobao-2026-09.csv')
    // 20 members found by phone, one new buyer (tb_wz_chen), one closed order left out
    expect(online).toMatchObject({
      kind: 'sales',
      rowsRead: 22,
      rowsImported: 21,
      excludedByStatus: 1,
      customersCreated: 1,
      customersMatched: 20,
      rowsRejected: 0
    })
    expect(online.totalFen).toBe(sum(fileOnlineSales('taobao-2026-09.csv')))
    expect((await ok('imports.batches', {})).map((b) => b.file)).toEqual(['taobao-2026-09.csv', 'pos-2026-09.csv', 'products.csv', 'members.csv'])
  })

  it('shows overview figures that are the files’ own sums', async () => {
    const o = await ok('stats.overview', { asOf: PLANNED })
    const buyers = people(september)
    // 40 members + the one Taobao buyer who is not a member
    expect(o.customers).toBe(members.length + 1)
    expect(buyers.size).toBe(41)
    expect(o.orders).toBe(new Set(september.map((s) => s.order)).size)
    expect(o.orders).toBe(51)
    expect(o.lines).toBe(51)
    expect(o.revenueFen).toBe(sum(september))
    expect(o.revenueFen).toBe(953_730)
    // M021–M030 bought at the counter and online: two orders each
    const twice = [...buyers].filter((p) => september.filter((s) => personOf(s, members) === p).length >= 2)
    expect(twice).toEqual(['M021', 'M022', 'M023', 'M024', 'M025', 'M026', 'M027', 'M028', 'M029', 'M030'])
    expect(o.repeatBuyers).toBe(twice.length)
    expect(o.monthly.find((m) => m.month === '2026-09')).toEqual({ month: '2026-09', revenueFen: sum(september), orders: 51, buyers: 41 })
    expect(o.lifecycle).toEqual({ active: 41, silent: 0, sleeping: 0, drifting: 0, lost: 0 })
    // the shop's first sale was in September: its charts start there, not 24 months back —
    // on its first days with six months at least, so the chart is not one lone bar
    expect(o.chartFrom).toBe('2026-05')
    expect((await ok('segments.repeatRate', { asOf: PLANNED })).chartFrom).toBe('2026-05')
    const later = await ok('stats.overview', { asOf: '2027-06-30' })
    expect([later.chartFrom, later.monthly.length, later.monthly.filter((m) => m.month < later.chartFrom && m.orders > 0).length]).toEqual(['2026-09', 24, 0])
    expect((await ok('segments.repeatRate', { asOf: '2027-06-30' })).chartFrom).toBe('2026-09')
    const s = await ok('stats.summary', { asOf: PLANNED })
    expect(s.withBirthday).toBe(members.filter((m) => m.birthday).length)
    expect(s.lunarBirthdays).toBe(members.filter((m) => m.lunar).length)
  })

  it('finds the Zhejiang customers by the region stored from their addresses', async () => {
    await ok('segments.create', { name: '浙江客户', rule: { field: 'region', op: '=', value: '浙江省' } })
    const m = await ok('segments.members', { name: '浙江客户', asOf: PLANNED, limit: 100, offset: 0 })
    // by the files: members whose address starts with 浙江省 (M023's is masked but keeps its region), and the Wenzhou buyer
    const expected = [...members.filter((x) => x.address.startsWith('浙江省')).map((x) => x.name), '陈晓']
    expect(expected).toHaveLength(24)
    expect(m.total).toBe(24)
    expect(m.rows.map((r) => r.name).sort()).toEqual(expected.sort())
  })

  it('plans a gift mailing within budget with a control group, leaving out the masked address', async () => {
    plan = await ok('campaigns.plan', {
      name: '国庆小礼物',
      target: { segment: '浙江客户' },
      gifts: [{ sku: 'TOWEL', costFen: GIFT_FEN }],
      giftRule: 'matched',
      postageFen: POSTAGE_FEN,
      budgetFen: BUDGET_FEN,
      holdout: 0.2,
      seed: 7,
      asOf: PLANNED
    })
    expect(plan.candidates).toBe(24)
    expect(plan.excluded).toEqual({ address_masked: 1 }) // M023, 浙江省 杭州市 西湖区 ***
    expect(plan.eligible).toBe(23)
    // 15 + 8 yuan a parcel: 40,000 fen buys floor(40000 / 2300) = 17 parcels, 39,100 fen
    expect(plan.treated).toHaveLength(17)
    expect(plan.costFen).toBe(17 * (GIFT_FEN + POSTAGE_FEN))
    expect(plan.costFen).toBeLessThanOrEqual(BUDGET_FEN)
    expect(plan.control.length).toBe(4)
    const refs = [...plan.treated, ...plan.control].map((m) => m.ref)
    expect(new Set(refs).size).toBe(21)
    expect(refs).not.toContain('M023')
    expect(plan.treated.every((m) => m.costFen === GIFT_FEN + POSTAGE_FEN && m.giftSku === 'TOWEL')).toBe(true)
  })

  it('marks the mailing sent and prints one address label per parcel, each with its address', async () => {
    // the parcels go out the day after planning, and the owner marks them that day
    const nextDay = typedCall(testDispatch(testContext(MAILED, ctx.db)) as Parameters<typeof typedCall>[0])
    expect(await nextDay('campaigns.markMailed', { id: plan.campaignId!, date: MAILED })).toEqual({ ok: true, data: { mailingDate: MAILED, logged: 17 } })
    const label = (await ok('printing.templates', {})).find((t) => t.sheet === 'avery-l7160')!
    const doc = await ok('printing.render', { templateId: label.id, target: { campaign: plan.campaignId! }, startAt: 1, asOf: MAILED })
    expect(doc.cards).toBe(17)
    expect(doc.cardList.map((c) => c.name).sort()).toEqual(plan.treated.map((m) => m.name).sort())
    for (const m of plan.treated) {
      const address = members.find((x) => x.card === m.ref)?.address ?? fileOnlineSales('taobao-2026-09.csv').find((s) => s.phone === m.ref)!.address
      expect(doc.html, m.ref).toContain(address)
    }
  })

  it('counts the treated and control buyers of October’s export in the campaign results, with the uplift’s interval', async () => {
    const r0 = await ok('campaigns.results', { id: plan.campaignId!, asOf: TODAY, window: 30 })
    expect(r0).toMatchObject({ treated: { n: 17, buyers: 0, revenueFen: 0 }, control: { n: 4, buyers: 0, revenueFen: 0 }, upliftRate: 0 })
    const oct = await importFile('pos-2026-10.csv')
    octoberBatch = oct.batchId
    expect(oct).toMatchObject({ rowsRead: 15, rowsImported: 15, customersCreated: 0, customersMatched: 15 })
    const r = await ok('campaigns.results', { id: plan.campaignId!, asOf: TODAY, window: 30 })
    // by the file: who bought within 30 days after the mailing, in each arm
    const inWindow = october.filter((s) => s.day > MAILED && s.day <= addDays(MAILED, 30))
    const arm = (list: { ref: string }[]) => {
      const refs = new Set(list.map((m) => m.ref))
      const sales = inWindow.filter((s) => refs.has(personOf(s, members)))
      return { n: list.length, buyers: people(sales).size, revenueFen: sum(sales) }
    }
    const treated = arm(plan.treated)
    const control = arm(plan.control)
    // the odd cards M001–M021 came back; 9 of them were mailed, M021 was held back
    expect(treated).toEqual({ n: 17, buyers: 9, revenueFen: 9 * 1990 })
    expect(control).toEqual({ n: 4, buyers: 1, revenueFen: 1990 })
    expect(r.treated).toEqual(treated)
    expect(r.control).toEqual(control)
    expect(r.upliftRate).toBeCloseTo(9 / 17 - 1 / 4, 12)
    const [lo, hi] = newcombe(9, 17, 1, 4)
    expect(r.ci95![0]).toBeCloseTo(lo, 10)
    expect(r.ci95![1]).toBeCloseTo(hi, 10)
    expect(lo).toBeLessThan(0) // four controls cannot prove a 28-point uplift
  })

  it('puts the formula buyer’s replenishment call on the list and takes it off once its outcome is logged', async () => {
    const list = await ok('reminders.calls', { date: TODAY })
    // M005 陈丽 bought one 20-day can on 10-31: it runs out 11-20, the call falls due 5 days before (the lead days)
    const m005 = list.entries.filter((e) => e.reason === 'replenish')
    expect(m005.map((e) => [e.name, e.dueDate])).toEqual([['陈丽', '2026-11-15']])
    await ok('reminders.record', { customerId: m005[0].customerId, key: m005[0].key, outcome: 'reached', note: '下周来店里买' })
    const after = await ok('reminders.calls', { date: TODAY })
    expect(after.entries.filter((e) => e.key === m005[0].key)).toEqual([])
    const file = await ok('customers.get', { id: m005[0].customerId })
    expect(file.contacts).toContainEqual(expect.objectContaining({ outcome: 'reached', note: '下周来店里买' }))
  })

  it('undoing October’s batch moves the results and the overview back to September', async () => {
    const undo = await ok('imports.undo', { batchId: octoberBatch })
    expect(undo).toMatchObject({ ordersRemoved: october.length, customersRemoved: 0 })
    const r = await ok('campaigns.results', { id: plan.campaignId!, asOf: TODAY, window: 30 })
    expect(r).toMatchObject({ treated: { n: 17, buyers: 0, revenueFen: 0 }, control: { n: 4, buyers: 0, revenueFen: 0 }, upliftRate: 0 })
    const o = await ok('stats.overview', { asOf: TODAY })
    expect(o).toMatchObject({ customers: 41, orders: 51, lines: 51, revenueFen: sum(september) })
    expect(o.monthly.find((m) => m.month === '2026-10')).toEqual({ month: '2026-10', revenueFen: 0, orders: 0, buyers: 0 })
  })
})
