/**
 * Runs the census (channel-census.ts): each channel's set-up untimed, then the one call through
 * the dispatcher, timed, `runs` times (once for the `last` phase); a job's start is timed and the
 * job cancelled after, so it does not hold the next calls' measurements. Beside the wall time,
 * the longest the event loop was held during the call (loop-delay.ts): a call that awaits (a
 * backup's page steps, a worker) takes long without holding the window's other calls, and the
 * hold is what issue 19 asks about.
 */
import type { Channel } from '../../shared/ipc-contract'
import { census, channelsOf, phases, type CensusShop } from './channel-census'
import { median } from './measure'
import { loopDelayDuring } from '../helpers/loop-delay'

export interface CensusTiming {
  channel: Channel
  /** milliseconds of each timed call */
  ms: number[]
  medianMs: number
  /** the process's CPU time (user + system) of each timed call, in milliseconds */
  cpuMs: number[]
  medianCpuMs: number
  /** the longest the event loop was held during each timed call, in milliseconds */
  heldMs: number[]
  medianHeldMs: number
  /** 'ok', or the refusal's code and message */
  outcome: string
  job: boolean
}

/**
 * The channels a comma list names (CHANNELS_BENCH_ONLY=reminders.calls,printing.preview), checked
 * against the census; every channel when the list is empty or absent.
 */
export function onlyChannels(list: string | undefined): Set<Channel> | undefined {
  const names = (list ?? '')
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean)
  if (!names.length) return undefined
  const unknown = names.filter((n) => !(n in census))
  if (unknown.length) throw new Error(`census: no channel ${unknown.join(', ')}`)
  return new Set(names as Channel[])
}

/** Time every channel, or only those of `only` (their set-ups still call what they need). */
export async function runCensus(s: CensusShop, runs = 3, onTiming?: (t: CensusTiming) => void, only?: Set<Channel>): Promise<CensusTiming[]> {
  const out: CensusTiming[] = []
  for (const phase of phases) {
    for (const channel of channelsOf(phase)) {
      if (only && !only.has(channel)) continue
      const entry = census[channel]
      const ms: number[] = []
      const cpuMs: number[] = []
      const heldMs: number[] = []
      let outcome = 'ok'
      for (let i = 0; i < (phase === 'last' ? 1 : runs); i++) {
        const input = await entry.input(s)
        const dispatch = entry.dispatch?.(s) ?? s.dispatch
        const d = await loopDelayDuring(async () => {
          const c0 = process.cpuUsage()
          const reply = await dispatch(channel, input)
          return { reply, cpu: process.cpuUsage(c0) }
        })
        const r = d.value.reply
        ms.push(d.wallMs)
        heldMs.push(d.max)
        cpuMs.push((d.value.cpu.user + d.value.cpu.system) / 1000)
        if (!r.ok) outcome = `${r.code}: ${r.message}`
        else {
          entry.after?.(s, r.data)
          if (entry.job) await cancel(s, channel, (r.data as { jobId: string }).jobId)
        }
      }
      const t: CensusTiming = {
        channel,
        ms,
        medianMs: median(ms),
        cpuMs,
        medianCpuMs: median(cpuMs),
        heldMs,
        medianHeldMs: median(heldMs),
        outcome,
        job: entry.job ?? false
      }
      out.push(t)
      onTiming?.(t)
    }
  }
  return out
}

async function cancel(s: CensusShop, channel: Channel, jobId: string): Promise<void> {
  await s.dispatch(channel === 'imports.start' ? 'imports.cancel' : 'jobs.cancel', { jobId })
}
