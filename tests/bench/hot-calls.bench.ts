/**
 * The everyday calls that held the server for seconds at 20,000 customers (today's call list, the
 * units table, a customer's score, a card preview and print, a campaign plan): the channel census
 * over just these, median of CHANNELS_BENCH_RUNS (5), wall and CPU time. The same as
 * `CHANNELS_BENCH_ONLY=reminders.calls,… CHANNELS_BENCH_RUNS=5 npm run bench channels`.
 */
import type { Benchmark } from './registry'
import type { Channel } from '../../shared/ipc-contract'
import { channelCensus } from './channels.bench'

export const HOT_CALLS: Channel[] = ['reminders.calls', 'reminders.units', 'predictions.customer', 'printing.preview', 'printing.render', 'campaigns.plan']

export const hotCallsBench: Benchmark = {
  name: 'hot-calls',
  description: 'the call list, units, customer score, card preview and render, campaign plan at 20,000 customers (median of 5, wall and CPU)',
  run: (report) => channelCensus(report, Number(process.env.CHANNELS_BENCH_RUNS ?? 5), new Set(HOT_CALLS))
}
