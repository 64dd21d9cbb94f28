/**
 * Every channel of the contract, called the way its page calls it, for the census benchmark
 * (channels.bench.ts): how long each call holds the server's one event loop. `Record<Channel, …>`
 * makes a new channel without an entry a type error, and channel-census.test.ts checks the same
 * at run time, so no channel can be left out of the census.
 *
 * Each entry's `input` is untimed set-up (it may call other channels: a change before its undo, a
 * lock before an unlock) and answers the input of the one timed call. `runs: 1` marks calls that
 * change the shop for good or are slow by nature (imports, backups, erasing); they run once, in the
 * `last` phase, after every repeated call, on the benchmark's throwaway copy.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Channel } from '../../shared/ipc-contract'
import type { Dispatch } from '../../electron/ipc/dispatcher'
import type { Db } from '../../electron/db/driver'
import { addDays } from '../../shared/domain/dates'
import { MISSED_PAGE } from '../../shared/schemas/reminders'

/** What the set-ups share: the shop, its date, a real customer, and what earlier set-ups made. */
export interface CensusShop {
  db: Db
  dispatch: Dispatch
  asOf: string
  /** a folder for files the calls write */
  dir: string
  /** the customer with the most purchase occasions */
  customerId: number
  /** one of that customer's identities (member card first), as typed in the search box */
  ref: string
  /** a phone fragment as staff type it in the search box */
  phoneDigits: string
  /** ids made once and reused (a campaign, a template…) */
  made: Map<string, unknown>
  /** a dispatcher over another database file, made as this one was (an import-all goes into an empty shop) */
  openShop: (path: string) => Dispatch
}

export type Phase = 'read' | 'write' | 'last'

export interface CensusCall {
  input: (s: CensusShop) => unknown
  /** default 'read'; 'write' calls repeat (their set-up restores what they change); 'last' ones run once */
  phase?: Phase
  /** a job's start call: only the start is timed, the job is cancelled after */
  job?: boolean
  /** the dispatcher to time the call through, when not the shop's own */
  dispatch?: (s: CensusShop) => Dispatch
  /** untimed, after the call: keep what later set-ups need from its answer */
  after?: (s: CensusShop, data: unknown) => void
}

/** Call a channel for set-up; its data, or a thrown error naming it. */
export async function need<T = unknown>(s: CensusShop, channel: Channel, input: unknown = {}): Promise<T> {
  const r = await s.dispatch(channel, input)
  if (!r.ok) throw new Error(`census set-up: ${channel} → ${r.code} ${r.message}`)
  return r.data as T
}

/** Make a thing once per run (a campaign, a segment) and reuse it. */
async function once<T>(s: CensusShop, key: string, make: () => Promise<T>): Promise<T> {
  if (!s.made.has(key)) s.made.set(key, await make())
  return s.made.get(key) as T
}

const GIFT = { sku: 'CENSUS-GIFT', name: '试用装湿巾', unitCostFen: 1200, stock: null, weightG: 150, suits: ['纸尿裤'] }
const RULE = { all: [{ field: 'orders', op: '>=', value: 2 }] }
const PASS = 'census-1234'

const plan = (s: CensusShop, dryRun: boolean) => ({
  name: '老客回馈',
  target: { suggestion: 'loyal' },
  budgetFen: 60_000,
  postageFen: 800,
  asOf: s.asOf,
  dryRun
})

async function gift(s: CensusShop) {
  return once(s, 'gift', () => need(s, 'gifts.save', GIFT))
}

/** A saved (unmailed) campaign of the loyal suggestion, as the wizard saves it. */
export async function campaignId(s: CensusShop): Promise<number> {
  await gift(s)
  return once(s, 'campaign', async () => (await need<{ campaignId: number }>(s, 'campaigns.plan', plan(s, false))).campaignId)
}

/** A campaign mailed today (the mailing date cannot precede the plan's), for its results page. */
async function mailedCampaignId(s: CensusShop): Promise<number> {
  await gift(s)
  return once(s, 'mailed', async () => {
    const id = (await need<{ campaignId: number }>(s, 'campaigns.plan', { ...plan(s, false), name: '已寄出' })).campaignId
    await need(s, 'campaigns.markMailed', { id, date: s.asOf })
    return id
  })
}

async function segmentId(s: CensusShop): Promise<number> {
  return once(s, 'segment', async () => (await need<{ id: number }>(s, 'segments.create', { name: '回头客（普查）', rule: RULE })).id)
}

async function templateId(s: CensusShop): Promise<number> {
  return once(s, 'template', async () => (await need<{ id: number }[]>(s, 'printing.templates'))[0].id)
}

/** What the cards page sends: the first template, for a campaign's treated members. */
async function printJob(s: CensusShop) {
  return { templateId: await templateId(s), target: { campaign: await campaignId(s) } }
}

async function unit(s: CensusShop): Promise<{ productId: number; category: string | null }> {
  return once(s, 'unit', async () => {
    const rows = await need<{ productId: number; category: string | null; evidence: { kind: string } | null }[]>(s, 'reminders.units', {})
    // a product with a learned figure on offer, as the page offers 采用 for
    return rows.find((r) => r.evidence?.kind === 'offer') ?? rows.find((r) => r.category) ?? rows[0]
  })
}

async function firstCall(s: CensusShop): Promise<{ customerId: number; key: string }> {
  const list = await need<{ entries: { customerId: number; key: string }[] }>(s, 'reminders.calls', { all: true })
  if (!list.entries.length) throw new Error('census set-up: nobody on the call list')
  const { customerId, key } = list.entries[0]
  return { customerId, key }
}

/** The demo's sample files, as the import page saves them; [0] the product list… [1] the counter CSV. */
async function sampleFile(s: CensusShop, i: number): Promise<{ name: string; dataBase64: string }> {
  const files = await once(
    s,
    'samples',
    async () => (await need<{ files: { name: string; dataBase64: string }[] }>(s, 'demo.files', { customers: 200, seed: 3 })).files
  )
  return { name: files[i].name, dataBase64: files[i].dataBase64 }
}

async function batchId(s: CensusShop): Promise<number> {
  return once(s, 'batch', async () => (await need<{ id: number }[]>(s, 'imports.batches'))[0].id)
}

/** An import of the sample product list, started once: the page polls its progress. */
async function importJobId(s: CensusShop): Promise<string> {
  return once(s, 'importJob', async () => (await need<{ jobId: string }>(s, 'imports.start', { file: await sampleFile(s, 0), options: {} })).jobId)
}

async function jobId(s: CensusShop): Promise<string> {
  return once(s, 'job', async () => (await need<{ jobId: string }>(s, 'predictions.topStart', { asOf: s.asOf, horizonDays: 90, limit: 100 })).jobId)
}

const query = (search = '') => ({ search, filters: { lifecycle: [], tags: [] } })

export const census: Record<Channel, CensusCall> = {
  'app.info': { input: () => ({}) },

  'imports.preview': { input: async (s) => ({ file: await sampleFile(s, 1), options: {} }) },
  'imports.start': { input: async (s) => ({ file: await sampleFile(s, 0), options: {} }), job: true, phase: 'last' },
  'imports.progress': { input: async (s) => ({ jobId: await importJobId(s) }) },
  'imports.cancel': { input: async (s) => ({ jobId: await importJobId(s) }) },
  'imports.commit': { input: async (s) => ({ file: await sampleFile(s, 1), options: {} }), phase: 'last' },
  'imports.batches': { input: () => ({}) },
  'imports.undo': { input: async (s) => ({ batchId: (await need<{ id: number }[]>(s, 'imports.batches'))[0].id }), phase: 'last' },
  'imports.rejected': { input: async (s) => ({ batchId: await batchId(s) }) },

  'settings.get': { input: () => ({}) },
  'settings.update': { input: () => ({ staffName: '小林' }), phase: 'write' },

  'stats.summary': { input: (s) => ({ asOf: s.asOf }) },
  'stats.overview': { input: () => ({}) },

  'demo.load': { input: () => ({ customers: 800 }) },
  'demo.remove': { input: () => ({}), phase: 'last' },
  // started and cancelled before demo.remove, which then finishes what it began
  'demo.removeStart': { input: () => ({}), job: true, phase: 'last' },
  'demo.status': { input: () => ({}) },
  'demo.files': { input: () => ({}) },

  'printing.templates': { input: () => ({}) },
  'printing.template': { input: async (s) => ({ id: await templateId(s) }) },
  'printing.saveTemplate': {
    input: async (s) => {
      // the shop's own copy of the first template, saved as the designer saves it
      const t = await once(s, 'ownTemplate', async () =>
        need<{ id: number; name: string; kind: string; sheet: unknown; body: unknown }>(s, 'printing.duplicateTemplate', { id: await templateId(s) })
      )
      return { id: t.id, name: `${t.name}（改）`, kind: t.kind, sheet: t.sheet, body: t.body }
    },
    phase: 'write'
  },
  'printing.duplicateTemplate': { input: async (s) => ({ id: await templateId(s) }), phase: 'write' },
  'printing.deleteTemplate': {
    input: async (s) => ({ id: (await need<{ id: number }>(s, 'printing.duplicateTemplate', { id: await templateId(s) })).id }),
    phase: 'write'
  },
  'printing.targets': { input: () => ({}) },
  'printing.preview': { input: printJob },
  'printing.render': { input: printJob, phase: 'write' },
  'printing.print': { input: printJob, phase: 'write' },
  'printing.savePdf': { input: printJob, phase: 'write' },
  'printing.printStart': { input: printJob, job: true, phase: 'write' },
  'printing.savePdfStart': { input: printJob, job: true, phase: 'write' },
  'printing.renderStart': { input: printJob, job: true, phase: 'write' },
  'printing.capabilities': { input: () => ({}) },
  'printing.calibrations': { input: () => ({}) },
  'printing.saveCalibration': { input: () => ({ printer: '得力 DL-888T', offsetX: 0.5, offsetY: -0.3, scaleX: 1, scaleY: 1 }), phase: 'write' },
  'printing.redeem': {
    input: async (s) => {
      const code = s.db.prepare('SELECT code FROM printed_codes WHERE redeemed_at IS NULL ORDER BY rowid DESC LIMIT 1').pluck().get() as string | undefined
      if (!code) throw new Error('census set-up: no printed code to redeem (printing.render issues them)')
      return { code, at: s.asOf }
    },
    phase: 'write'
  },

  'backups.list': { input: () => ({}) },
  'backups.create': { input: () => ({}), phase: 'last' },
  'backups.restore': { input: async (s) => ({ name: (await need<{ backups: { name: string }[] }>(s, 'backups.list')).backups[0].name }), phase: 'last' },
  'backups.exportAll': { input: (s) => ({ path: join(s.dir, 'export-all.zip') }), phase: 'last' },
  // into a new, empty shop (it refuses any other), as when a shop moves to a new PC
  'backups.importAll': { input: (s) => ({ path: join(s.dir, 'export-all.zip') }), phase: 'last', dispatch: (s) => s.openShop(join(s.dir, 'moved.db')) },
  // the backup jobs: the start is timed and the job cancelled after, so each leaves nothing behind
  'backups.createStart': { input: () => ({}), job: true, phase: 'last' },
  'backups.restoreStart': {
    input: async (s) => ({ name: (await need<{ backups: { name: string }[] }>(s, 'backups.list')).backups[0].name }),
    job: true,
    phase: 'last'
  },
  'backups.exportAllStart': { input: (s) => ({ path: join(s.dir, 'export-all-job.zip') }), job: true, phase: 'last' },
  'backups.importAllStart': {
    input: (s) => ({ path: join(s.dir, 'export-all.zip') }),
    job: true,
    phase: 'last',
    dispatch: (s) => s.openShop(join(s.dir, 'moved-job.db'))
  },
  'audit.list': { input: () => ({ limit: 50 }) },

  'predictions.fit': { input: (s) => ({ calibrationEnd: addDays(s.asOf, -182), holdoutEnd: s.asOf, unit: 'week' }), phase: 'last' },
  'predictions.fitStart': { input: (s) => ({ calibrationEnd: addDays(s.asOf, -182), holdoutEnd: s.asOf, unit: 'week' }), job: true },
  'predictions.customer': { input: (s) => ({ ref: s.ref, asOf: s.asOf }) },
  'predictions.top': { input: (s) => ({ asOf: s.asOf, horizonDays: 90, limit: 100 }), phase: 'last' },
  'predictions.topStart': { input: (s) => ({ asOf: s.asOf, horizonDays: 90, limit: 100 }), job: true },

  // as the page asks: the day's capacity and the first page of missed rows
  'reminders.calls': { input: () => ({ all: false, missed: { offset: 0, limit: MISSED_PAGE } }) },
  'reminders.record': { input: async (s) => ({ ...(await firstCall(s)), outcome: 'reached' }), phase: 'write' },
  'reminders.undoOptOut': {
    input: async (s) => ({ contactId: (await need<{ id: number }>(s, 'reminders.record', { ...(await firstCall(s)), outcome: 'opted_out' })).id }),
    phase: 'write'
  },
  'reminders.undoOutcome': {
    input: async (s) => ({ contactId: (await need<{ id: number }>(s, 'reminders.record', { ...(await firstCall(s)), outcome: 'no_answer' })).id }),
    phase: 'write'
  },
  'reminders.units': { input: () => ({}) },
  'reminders.setProductDays': {
    input: async (s) => ({ productId: (await need<{ productId: number }[]>(s, 'reminders.units', {})).at(-1)!.productId, daysPerUnit: 7 }),
    phase: 'write'
  },
  'reminders.setCategoryDays': { input: async (s) => ({ category: (await unit(s)).category ?? '纸尿裤', daysPerUnit: 6 }), phase: 'write' },
  'reminders.adoptLearned': {
    // the product's own figure cleared first, so the learned one is on offer again each run
    input: async (s) => {
      const { productId } = await unit(s)
      await need(s, 'reminders.setProductDays', { productId, daysPerUnit: null })
      return { productId }
    },
    phase: 'write'
  },
  'reminders.settings': { input: () => ({}) },
  'reminders.updateSettings': { input: () => ({ replenishLeadDays: 5 }), phase: 'write' },

  'gifts.list': { input: () => ({}) },
  'gifts.save': { input: () => GIFT, phase: 'write' },
  'gifts.remove': { input: async (s) => (await need(s, 'gifts.save', { ...GIFT, sku: 'CENSUS-GONE' }), { sku: 'CENSUS-GONE' }), phase: 'write' },
  'campaigns.targets': { input: () => ({}) },
  'campaigns.plan': { input: async (s) => (await gift(s), plan(s, true)) },
  'campaigns.list': { input: () => ({}) },
  'campaigns.get': { input: async (s) => ({ id: await campaignId(s) }) },
  'campaigns.remove': {
    input: async (s) => (await gift(s), { id: (await need<{ campaignId: number }>(s, 'campaigns.plan', { ...plan(s, false), name: '删掉' })).campaignId }),
    phase: 'write'
  },
  'campaigns.pickList': { input: async (s) => ({ id: await campaignId(s) }) },
  'campaigns.courierExport': { input: async (s) => ({ id: await campaignId(s), encoding: 'gbk' }) },
  'campaigns.markMailed': {
    input: async (s) => (
      await gift(s),
      { id: (await need<{ campaignId: number }>(s, 'campaigns.plan', { ...plan(s, false), name: '寄出' })).campaignId, date: s.asOf }
    ),
    phase: 'write'
  },
  'campaigns.results': { input: async (s) => ({ id: await mailedCampaignId(s), window: 30 }) },

  'customers.list': { input: () => ({ ...query(), limit: 100, offset: 0 }) },
  'customers.facets': { input: () => ({}) },
  'customers.findByRef': { input: (s) => ({ ref: s.ref }) },
  'customers.listViews': { input: () => ({}) },
  'customers.saveView': { input: (s) => ({ name: '手机号搜索', query: query(s.phoneDigits) }), phase: 'write' },
  'customers.deleteView': {
    input: async (s) => ({ id: (await need<{ id: number }>(s, 'customers.saveView', { name: '临时', query: query('王') })).id }),
    phase: 'write'
  },
  'customers.get': { input: (s) => ({ id: s.customerId }) },
  'customers.addContact': { input: (s) => ({ id: s.customerId, kind: 'note', outcome: null, note: '问了 3 段奶粉的新批次' }), phase: 'write' },
  'customers.update': { input: (s) => ({ id: s.customerId, patch: { notes: '喜欢周末来店' } }), phase: 'write' },
  'customers.undoLastChange': {
    input: async (s) => (await need(s, 'customers.update', { id: s.customerId, patch: { tags: ['普查'] } }), { id: s.customerId }),
    phase: 'write'
  },
  'customers.duplicates': { input: () => ({ limit: 100 }) },
  'customers.merge': { input: async (s) => pairToMerge(s), phase: 'last', after: (s, d) => s.made.set('mergeId', (d as { id: number }).id) },
  'customers.undoMerge': { input: (s) => ({ mergeId: s.made.get('mergeId') }), phase: 'last' },
  'customers.erase': { input: async (s) => ({ id: (await pairToMerge(s)).mergeId, confirm: true }), phase: 'last' },
  'customers.export': { input: (s) => ({ ...query(s.phoneDigits), format: 'xlsx' }) },

  'segments.overview': { input: (s) => ({ asOf: s.asOf }) },
  'segments.overviewStart': { input: (s) => ({ asOf: s.asOf }), job: true },
  'segments.list': { input: () => ({}) },
  'segments.create': { input: (s) => ({ name: `买过两次（${s.made.size}）`, rule: RULE }), phase: 'write' },
  'segments.update': { input: async (s) => ({ id: await segmentId(s), rule: RULE }), phase: 'write' },
  'segments.delete': {
    input: async (s) => ({ id: (await need<{ id: number }>(s, 'segments.create', { name: '临时分群', rule: RULE })).id }),
    phase: 'write'
  },
  'segments.count': { input: (s) => ({ rule: RULE, asOf: s.asOf }) },
  'segments.members': { input: async (s) => ({ id: await segmentId(s), asOf: s.asOf, limit: 50, offset: 0 }) },
  'segments.rfmGrid': { input: (s) => ({ asOf: s.asOf }) },
  'segments.repeatRate': { input: (s) => ({ asOf: s.asOf }) },
  'segments.cohorts': { input: (s) => ({ asOf: s.asOf }) },
  'segments.migration': { input: (s) => ({ from: addDays(s.asOf, -90), asOf: s.asOf }) },
  'segments.regions': { input: (s) => ({ asOf: s.asOf }) },
  'segments.recall': { input: (s) => ({ product: '奶粉', from: addDays(s.asOf, -30), to: s.asOf }) },
  'segments.recallExport': { input: (s) => ({ product: '奶粉', from: addDays(s.asOf, -30), to: s.asOf, kind: 'callList' }) },

  'lock.status': { input: () => ({}) },
  'lock.set': { input: () => ({ passcode: PASS }), phase: 'last' },
  'lock.setIdle': { input: () => ({ minutes: 15 }), phase: 'last' },
  'lock.lock': { input: () => ({}), phase: 'last' },
  'lock.unlock': { input: () => ({ passcode: PASS }), phase: 'last' },
  'lock.clear': { input: () => ({ current: PASS }), phase: 'last' },

  'jobs.progress': { input: async (s) => ({ jobId: await jobId(s) }) },
  'jobs.cancel': { input: async (s) => ({ jobId: await jobId(s) }), phase: 'write' }
}

/** The first pair the duplicates page offers: merged once (customers.merge), its merge undone, then the second one erased. */
async function pairToMerge(s: CensusShop): Promise<{ keepId: number; mergeId: number }> {
  return once(s, 'pair', async () => {
    const pairs = await need<{ aId: number; bId: number }[]>(s, 'customers.duplicates', { limit: 100 })
    const p = pairs[0] ?? { aId: s.customerId, bId: otherCustomer(s) }
    return { keepId: p.aId, mergeId: p.bId }
  })
}

function otherCustomer(s: CensusShop): number {
  return s.db.prepare('SELECT id FROM customers WHERE id != ? ORDER BY id DESC LIMIT 1').pluck().get(s.customerId) as number
}

/** A real customer to look at: the one with the most purchase occasions, and how staff would type them. */
export function censusShop(db: Db, dispatch: Dispatch, asOf: string, openShop: (path: string) => Dispatch): CensusShop {
  const customerId = db
    .prepare('SELECT customer_id FROM orders WHERE customer_id IS NOT NULL GROUP BY customer_id ORDER BY count(*) DESC, customer_id LIMIT 1')
    .pluck()
    .get() as number
  const ids = db.prepare('SELECT kind, value FROM customer_identities WHERE customer_id = ?').all(customerId) as { kind: string; value: string }[]
  const ref = (ids.find((i) => i.kind === 'card') ?? ids.find((i) => i.kind === 'phone') ?? ids[0]).value
  const phone = ids.find((i) => i.kind === 'phone')?.value ?? '13800000000'
  return { db, dispatch, asOf, dir: mkdtempSync(join(tmpdir(), 'evergreen-census-')), customerId, ref, phoneDigits: phone.slice(-4), made: new Map(), openShop }
}

/** The order the phases run in. */
export const phases: Phase[] = ['read', 'write', 'last']

/** The channels of one phase, in the order they run: the `last` phase in an order that keeps each call possible. */
export function channelsOf(phase: Phase): Channel[] {
  const all = (Object.keys(census) as Channel[]).filter((c) => (census[c].phase ?? 'read') === phase)
  if (phase !== 'last') return all
  const order: Channel[] = [
    'predictions.top',
    'predictions.fit',
    'imports.commit',
    'imports.undo',
    'imports.start',
    'customers.merge',
    'customers.undoMerge',
    'customers.erase',
    'backups.create',
    'backups.restore',
    'backups.exportAll',
    'backups.importAll',
    'backups.createStart',
    'backups.restoreStart',
    'backups.exportAllStart',
    'backups.importAllStart',
    'lock.set',
    'lock.setIdle',
    'lock.lock',
    'lock.unlock',
    'lock.clear',
    'demo.removeStart',
    'demo.remove'
  ]
  const missing = all.filter((c) => !order.includes(c))
  if (missing.length) throw new Error(`census: no place in the last phase for ${missing.join(', ')}`)
  return order
}
