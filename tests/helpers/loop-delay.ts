/** How long this process's event loop was held up while `work` ran (perf_hooks histogram). */
import { monitorEventLoopDelay } from 'node:perf_hooks'

export interface LoopDelay<T> {
  value: T
  /** milliseconds */
  p99: number
  max: number
  wallMs: number
}

export async function loopDelayDuring<T>(work: () => Promise<T>): Promise<LoopDelay<T>> {
  const h = monitorEventLoopDelay({ resolution: 10 })
  // a timer keeps the loop turning, so a blocked loop shows up as a late tick
  const tick = setInterval(() => {}, 5)
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
  return { value, p99: h.percentile(99) / 1e6, max: h.max / 1e6, wallMs }
}
