/**
 * How long this process's event loop was held up while `work` ran: perf_hooks' histogram, and as a
 * second witness the longest gap between the turns of a 5 ms timer. The histogram alone once read
 * 10 ms over four recomputes that held the loop 2 s (right after a four-minute synchronous shop
 * build in the same process); the measured gap cannot miss a held loop.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks'

export interface LoopDelay<T> {
  value: T
  /** milliseconds */
  p99: number
  /** milliseconds: the larger of the histogram's maximum and the longest gap between timer turns beyond its 5 ms */
  max: number
  wallMs: number
}

const TICK_MS = 5

export async function loopDelayDuring<T>(work: () => Promise<T>): Promise<LoopDelay<T>> {
  const h = monitorEventLoopDelay({ resolution: 10 })
  // a timer keeps the loop turning, so a blocked loop shows up as a late tick
  let last = performance.now()
  let longestGap = 0
  const tick = setInterval(() => {
    const now = performance.now()
    longestGap = Math.max(longestGap, now - last)
    last = now
  }, TICK_MS)
  h.enable()
  // the histogram counts from its first loop turn: take that turn before the work
  await new Promise((r) => setTimeout(r, 30))
  const t0 = performance.now()
  const value = await work()
  const wallMs = performance.now() - t0
  // let the late tick land: a loop blocked by `work` records its delay on the next turn
  await new Promise((r) => setTimeout(r, 30))
  h.disable()
  clearInterval(tick)
  const held = Math.max(0, longestGap - TICK_MS)
  return { value, p99: h.percentile(99) / 1e6, max: Math.max(h.max / 1e6, held), wallMs }
}
