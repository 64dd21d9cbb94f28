/**
 * The census of every contract call's hold on the server (issue 19.1): the app server answers one
 * call at a time, so a call that takes 300 ms holds every other call from the window for 300 ms.
 * Every channel (channel-census.ts) on a copy of the demo shop imported from its files, through
 * the dispatcher as the server runs it (outputs unchecked, as in the shop's app), median of
 * CHANNELS_BENCH_RUNS (3); the calls that change the shop for good run once, last. Prints the
 * table longest hold first, flagging every call that holds the server over 100 ms.
 * CHANNELS_BENCH_N sets the customers (20,000); the 200,000 shop is the one `npm run bench server` keeps.
 * CHANNELS_BENCH_ONLY=reminders.calls,printing.preview times only the channels it names.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Benchmark } from './registry'
import { openNodeDatabase } from '../../electron/services/app/open-node-database'
import { createAppContext } from '../../electron/services/app/app-context'
import { buildHandlers } from '../../electron/ipc/handlers'
import { createDispatcher } from '../../electron/ipc/dispatcher'
import type { Db } from '../../electron/db/driver'
import type { Channel } from '../../shared/ipc-contract'
import { benchShop } from './bench-shop'
import { censusShop } from './channel-census'
import { onlyChannels, runCensus, type CensusTiming } from './census-run'

const AS_OF = '2026-11-23'
const CUSTOMERS = Number(process.env.CHANNELS_BENCH_N ?? 20_000)
/** a call that holds the server longer than this holds the window noticeably */
const FLAG_MS = 100

const row = (t: CensusTiming) =>
  `${t.medianHeldMs > FLAG_MS ? '⚠' : ' '} held ${t.medianHeldMs.toFixed(0).padStart(6)} ms ${t.medianMs.toFixed(1).padStart(9)} ms ${`(CPU ${t.medianCpuMs.toFixed(0)})`.padStart(11)}  ${t.channel.padEnd(28)} ${t.ms.length > 1 ? `(${t.ms.map((m) => m.toFixed(0)).join(', ')})` : '(once)'}${t.job ? ' job start' : ''}${t.outcome === 'ok' ? '' : `  → ${t.outcome.slice(0, 90)}`}`

/** The census over the channels of `only` (every channel without it), `runs` times each. */
export async function channelCensus(report: (line: string) => void, runs: number, only: Set<Channel> | undefined): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'evergreen-bench-channels-'))
  try {
    const path = join(dir, 'shop.db')
    report((await benchShop(CUSTOMERS, 1, AS_OF, path)).note)
    const db = openNodeDatabase(path)
    const serve = (db: Db, path: string) => {
      const ctx = createAppContext(db, path, 'bench', AS_OF)
      return createDispatcher(buildHandlers(ctx), console.error, ctx.lock, false)
    }
    const dispatch = serve(db, path)
    const shop = censusShop(db, dispatch, AS_OF, (other) => serve(openNodeDatabase(other), other))
    // the page cache warm, as in a shop that has been open a while
    await dispatch('stats.overview', {})
    const timings = await runCensus(
      shop,
      runs,
      (t) => process.stderr.write(`  … ${t.channel} ${t.medianMs.toFixed(0)} ms, held ${t.medianHeldMs.toFixed(0)} ms\n`),
      only
    )
    db.close()
    const sorted = [...timings].sort((a, b) => b.medianHeldMs - a.medianHeldMs || b.medianMs - a.medianMs)
    report(
      `${CUSTOMERS} customers, ${timings.length} channels${only ? ` (only ${[...only].join(', ')})` : ''}, median of ${runs} (once: the calls that change the shop for good); held = the longest the server's event loop was held, then wall and CPU time; ⚠ held over ${FLAG_MS} ms:`
    )
    for (const t of sorted) report(row(t))
    const over = sorted.filter((t) => t.medianHeldMs > FLAG_MS)
    report(`${over.length} over ${FLAG_MS} ms: ${over.map((t) => t.channel).join(', ') || 'none'}`)
    rmSync(shop.dir, { recursive: true, force: true })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export const channelsBench: Benchmark = {
  name: 'channels',
  description: 'every contract channel timed through the dispatcher on the demo shop (CHANNELS_BENCH_N customers, 20,000): how long each holds the server',
  run: (report) => channelCensus(report, Number(process.env.CHANNELS_BENCH_RUNS ?? 3), onlyChannels(process.env.CHANNELS_BENCH_ONLY))
}
