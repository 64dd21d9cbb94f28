/**
 * Customer files at scale: 200,000 demo customers (~2,000,000 lines, imported from the demo's
 * export files), then customers.list
 * with search strings people type (names of 1-3 characters, phone fragments and whole
 * phones, cards, buyer ids, places, streets, tags, notes, as-you-type prefixes) measured
 * through the dispatcher and through the browser host's HTTP, plus the file of a customer
 * with 500 orders. Targets (issue 4): list p95 < 50 ms, detail < 100 ms.
 * Set CUSTOMERS_BENCH_DB=/path/to.db to reuse a database from an earlier run (kept then).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import type { Benchmark } from './registry'
import { openNodeDatabase } from '../../electron/services/app/open-node-database'
import { createAppContext } from '../../electron/services/app/app-context'
import { buildHandlers } from '../../electron/ipc/handlers'
import { createDispatcher } from '../../electron/ipc/dispatcher'
import { createHostServer } from '../../electron/host/server'
import { runImport } from '../../electron/services/imports/import-service'
import { benchShop, hasSales } from './bench-shop'
import type { Db } from '../../electron/db/driver'
import { median, percentile } from './measure'

const AS_OF = '2026-11-23'
const CUSTOMERS = Number(process.env.CUSTOMERS_BENCH_N ?? 200_000)

/** A customer with 500 receipts of two lines each, arriving as a counter export through the importer. */
async function importHeavyCustomer(db: Db, folder: string): Promise<number> {
  const rows = ['单据号,销售时间,会员卡号,手机号,会员姓名,商品编码,商品名称,数量,实收金额']
  for (let i = 0; i < 500; i++) {
    const at = `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')} ${String(9 + (i % 12)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00`
    rows.push(`HV${i},${at},HEAVY500,13000000500,常买客,B1,婴儿配方奶粉 2段 800g,1,268.00`)
    rows.push(`HV${i},${at},HEAVY500,13000000500,常买客,B2,纸尿裤 L码 52片,2,258.00`)
  }
  const file = join(folder, 'bench-heavy.csv')
  writeFileSync(file, rows.join('\n'))
  await runImport(db, { file: { path: file }, options: {}, importedAt: `${AS_OF}T10:00:00`, backup: null })
  rmSync(file)
  return db.prepare("SELECT customer_id FROM customer_identities WHERE kind = 'card' AND value = 'HEAVY500'").pluck().get() as number
}

/** Search strings drawn from the data, the way staff type them. */
function searchStrings(db: Db): { kind: string; q: string }[] {
  const pick = (sql: string) => db.prepare(sql).pluck().all() as string[]
  const names = pick('SELECT name FROM customers WHERE name IS NOT NULL ORDER BY (id * 7919) % 1009 LIMIT 20')
  const phones = pick("SELECT value FROM customer_identities WHERE kind = 'phone' ORDER BY (id * 7919) % 1013 LIMIT 15")
  const cards = pick("SELECT value FROM customer_identities WHERE kind = 'card' ORDER BY (id * 7919) % 1019 LIMIT 10")
  const buyers = pick("SELECT value FROM customer_identities WHERE kind = 'buyer' ORDER BY (id * 7919) % 1021 LIMIT 5")
  const out: { kind: string; q: string }[] = []
  for (const n of names.slice(0, 8)) out.push({ kind: 'name 1 char', q: n.slice(0, 1) })
  for (const n of names.filter((x) => [...x].length >= 2).slice(0, 15)) out.push({ kind: 'name 2 chars', q: [...n].slice(0, 2).join('') })
  for (const n of names.filter((x) => [...x].length >= 3).slice(0, 10)) out.push({ kind: 'name 3 chars', q: n })
  for (const p of phones.slice(0, 10)) out.push({ kind: 'phone tail 4', q: p.slice(-4) })
  for (const p of phones.slice(5, 15)) out.push({ kind: 'phone typed 138 1234', q: `${p.slice(0, 3)} ${p.slice(3, 7)}` })
  for (const p of phones.slice(0, 10)) out.push({ kind: 'whole phone', q: `${p.slice(0, 3)}-${p.slice(3, 7)}-${p.slice(7)}` })
  for (const c of cards) out.push({ kind: 'whole card', q: c })
  for (const c of cards.slice(0, 5)) out.push({ kind: 'card tail', q: c.slice(-5) })
  for (const b of buyers) out.push({ kind: 'buyer id', q: b })
  for (const q of ['杭州', '西湖区', '上海', '浦东新区', '文三路', '中山路', '解放路', '成都市']) out.push({ kind: 'place / street', q })
  for (const q of ['二胎妈妈', '新手妈妈', '价格敏感', '过敏', '水解配方']) out.push({ kind: 'tag / note', q })
  for (const n of names.filter((x) => [...x].length >= 2).slice(0, 3)) out.push({ kind: 'name + place', q: `${[...n].slice(0, 2).join('')} 杭州` })
  // as you type: every prefix of a phone and of a name
  const p = phones[3]
  for (let i = 1; i <= p.length; i++) out.push({ kind: 'as-you-type phone', q: p.slice(0, i) })
  for (let i = 1; i <= [...names[4]].length; i++) out.push({ kind: 'as-you-type name', q: [...names[4]].slice(0, i).join('') })
  return out
}

function line(label: string, times: number[]): string {
  return `${label.padEnd(28)} n=${String(times.length).padStart(3)}  p50 ${median(times).toFixed(1).padStart(6)} ms  p95 ${percentile(times, 95).toFixed(1).padStart(6)} ms  max ${Math.max(
    ...times
  )
    .toFixed(1)
    .padStart(6)} ms`
}

export const customersBench: Benchmark = {
  name: 'customers',
  description: `customers.list search p50/p95 and a 500-order customer file over ${CUSTOMERS.toLocaleString('en-US')} demo customers`,
  async run(report) {
    const reuse = process.env.CUSTOMERS_BENCH_DB
    const dir = reuse ? null : mkdtempSync(join(tmpdir(), 'evergreen-bench-customers-'))
    const path = reuse ?? join(dir!, 'bench.db')
    try {
      if (!reuse || !hasSales(path)) report((await benchShop(CUSTOMERS, 1, AS_OF, path)).note)
      else report(`reusing ${path}`)
      const db = openNodeDatabase(path)
      const t1 = performance.now()
      const heavy =
        (db.prepare("SELECT customer_id FROM customer_identities WHERE kind = 'card' AND value = 'HEAVY500'").pluck().get() as number | undefined) ??
        (await importHeavyCustomer(db, dir ?? tmpdir()))
      report(`customer with 500 orders ready (#${heavy}) in ${(performance.now() - t1).toFixed(0)} ms`)

      const ctx = createAppContext(db, path, 'bench', AS_OF)
      const dispatch = createDispatcher(buildHandlers(ctx), (e) => report(`error: ${String(e)}`))
      const call = async (channel: string, input: unknown) => {
        const r = await dispatch(channel, input)
        if (!r.ok) throw new Error(`${channel}: ${r.message}`)
        return r.data
      }
      const queries = searchStrings(db)
      await call('customers.list', { search: queries[0].q }) // warm the page cache once

      const byKind = new Map<string, number[]>()
      const all: number[] = []
      let matched = 0
      for (const { kind, q } of queries) {
        const t0 = performance.now()
        const r = (await call('customers.list', { search: q, limit: 100 })) as { total: number }
        const ms = performance.now() - t0
        all.push(ms)
        ;(byKind.get(kind) ?? byKind.set(kind, []).get(kind)!).push(ms)
        if (r.total > 0) matched++
      }
      report(`customers.list with a search string, through the dispatcher (${matched}/${queries.length} found someone):`)
      report(line('  all searches', all))
      for (const [kind, times] of byKind) report(line(`  ${kind}`, times))

      const plain: [string, object][] = [
        ['no search (recency)', {}],
        ['no search, page at 100,000', { offset: 100_000 }],
        ['sort by spend', { sort: { field: 'spendFen', dir: 'desc' } }],
        ['sort by name', { sort: { field: 'name', dir: 'asc' } }],
        ['filter sleeping', { filters: { lifecycle: ['sleeping'] } }],
        ['filter tag', { filters: { tags: ['二胎妈妈'] } }],
        ['filter region 杭州市', { filters: { region: '杭州市' } }],
        ['filter channel online', { filters: { channel: 'online' } }],
        ['search 王 + sleeping', { search: '王', filters: { lifecycle: ['sleeping'] } }]
      ]
      report('customers.list without search / with filters (5 runs each):')
      for (const [label, input] of plain) {
        const times: number[] = []
        for (let i = 0; i < 5; i++) {
          const t0 = performance.now()
          await call('customers.list', { limit: 100, ...input })
          times.push(performance.now() - t0)
        }
        report(line(`  ${label}`, times))
      }

      const detail: number[] = []
      for (let i = 0; i < 20; i++) {
        const t0 = performance.now()
        const d = (await call('customers.get', { id: heavy })) as { timeline: unknown[] }
        detail.push(performance.now() - t0)
        if (d.timeline.length !== 500) throw new Error(`expected 500 orders, got ${d.timeline.length}`)
      }
      report(line('customers.get, 500 orders', detail))

      // the same searches through the browser host: HTTP, token check, JSON both ways
      const token = 'bench-token'
      const server = createHostServer({ dispatch, token, rendererDir: join(__dirname, '../../out/renderer') })
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
      const port = (server.address() as AddressInfo).port
      const http: number[] = []
      for (const { q } of queries) {
        const t0 = performance.now()
        const res = await fetch(`http://127.0.0.1:${port}/api/customers.list`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-evergreen-token': token },
          body: JSON.stringify({ search: q, limit: 100 })
        })
        const body = (await res.json()) as { ok: boolean }
        if (!body.ok) throw new Error('host answered an error')
        http.push(performance.now() - t0)
      }
      const httpDetail: number[] = []
      for (let i = 0; i < 10; i++) {
        const t0 = performance.now()
        await (
          await fetch(`http://127.0.0.1:${port}/api/customers.get`, {
            method: 'POST',
            headers: { 'x-evergreen-token': token },
            body: JSON.stringify({ id: heavy })
          })
        ).json()
        httpDetail.push(performance.now() - t0)
      }
      await new Promise((r) => server.close(r))
      report('through the browser host (HTTP on 127.0.0.1, same process):')
      report(line('  all searches', http))
      report(line('  customers.get, 500 orders', httpDetail))

      report(`search index: ${db.prepare('SELECT count(*) FROM customer_search').pluck().get()} customers`)
      db.close()
    } finally {
      if (dir) rmSync(dir, { recursive: true, force: true })
    }
  }
}
