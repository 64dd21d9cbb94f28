/**
 * The census benchmark (tests/bench/channels.bench.ts) must time every channel of the contract,
 * so a new channel cannot be left out of the measurement of how long calls hold the server; and
 * its inputs must be real-shaped: on a small demo shop every call is answered, and the only
 * refusals are the ones a shop would get too.
 */
import { rmSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { channels } from '../../../shared/ipc-contract'
import { census, channelsOf, censusShop, phases } from '../../bench/channel-census'
import { onlyChannels, runCensus } from '../../bench/census-run'
import { openNodeDatabase } from '../../../electron/services/app/open-node-database'
import { createAppContext } from '../../../electron/services/app/app-context'
import { copyOfDemoShop, DEMO_AS_OF } from '../../helpers/imported-shops'
import { testDispatch } from '../../helpers/db'

/** refusals the page would meet on this shop too, by channel: the census still times them */
const EXPECTED_REFUSALS: Record<string, string> = {
  'demo.load': 'CONFLICT', // the demo loads into an empty shop only
  'printing.print': 'FORBIDDEN', // no printer outside Electron
  'printing.savePdf': 'FORBIDDEN',
  'printing.printStart': 'FORBIDDEN',
  'printing.savePdfStart': 'FORBIDDEN',
  // 25 customers give no learned figure clear enough to offer (the 20,000 shop has them)
  'reminders.adoptLearned': 'CONFLICT'
}

describe('the channel census', () => {
  it('has an entry for every channel of the contract and no other', () => {
    expect(Object.keys(census).sort()).toEqual([...channels].sort())
  })

  it('runs every channel exactly once across its phases', () => {
    const run = phases.flatMap((p) => channelsOf(p))
    expect(run.length).toBe(channels.length)
    expect(new Set(run)).toEqual(new Set(channels))
  })

  it('has every call answered on a small demo shop, refusing only where the shop would refuse', async () => {
    const path = await copyOfDemoShop(25, 11, DEMO_AS_OF)
    const db = openNodeDatabase(path)
    const serve = (p: string, d = openNodeDatabase(p)) => testDispatch(createAppContext(d, p, 'census', DEMO_AS_OF))
    const shop = censusShop(db, serve(path, db), DEMO_AS_OF, (other) => serve(other))
    try {
      const timings = await runCensus(shop, 1)
      expect(timings.map((t) => t.channel).sort()).toEqual([...channels].sort())
      const refused = timings.filter((t) => t.outcome !== 'ok')
      expect(Object.fromEntries(refused.map((t) => [t.channel, t.outcome.split(':')[0]])), refused.map((t) => `${t.channel} ${t.outcome}`).join('\n')).toEqual(
        EXPECTED_REFUSALS
      )
    } finally {
      db.close()
      rmSync(shop.dir, { recursive: true, force: true })
    }
  }, 120_000)

  it('reads CHANNELS_BENCH_ONLY as a comma list of known channels, every channel when empty', () => {
    expect(onlyChannels(undefined)).toBeUndefined()
    expect(onlyChannels(' ')).toBeUndefined()
    expect([...onlyChannels('reminders.calls, printing.preview,')!]).toEqual(['reminders.calls', 'printing.preview'])
    expect(() => onlyChannels('reminders.calls,reminders.cals')).toThrow('census: no channel reminders.cals')
  })

  it('times only the channels it is given, their set-ups still answered', async () => {
    const path = await copyOfDemoShop(25, 11, DEMO_AS_OF)
    const db = openNodeDatabase(path)
    const serve = (p: string, d = openNodeDatabase(p)) => testDispatch(createAppContext(d, p, 'census', DEMO_AS_OF))
    const shop = censusShop(db, serve(path, db), DEMO_AS_OF, (other) => serve(other))
    try {
      const timings = await runCensus(shop, 2, undefined, onlyChannels('printing.render,reminders.calls'))
      expect(timings.map((t) => [t.channel, t.outcome, t.ms.length, t.cpuMs.length])).toEqual([
        ['reminders.calls', 'ok', 2, 2],
        ['printing.render', 'ok', 2, 2]
      ])
    } finally {
      db.close()
      rmSync(shop.dir, { recursive: true, force: true })
    }
  }, 60_000)
})
