/** Helpers for benchmarks: medians of repeated timings, peak memory, and how long the server held other calls. */
import type { Dispatch } from '../../electron/ipc/dispatcher'
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]
}

/** Time `fn` `runs` times; answers the milliseconds of each run. */
export async function timeRuns(runs: number, fn: () => unknown): Promise<number[]> {
  const out: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    await fn()
    out.push(performance.now() - t0)
  }
  return out
}

/** Wall and CPU milliseconds of one call. */
export interface Took {
  wall: number
  cpu: number
}

/** `fn()`'s answer with its wall and CPU milliseconds. */
export function took<T>(fn: () => T): Took & { value: T } {
  const c0 = process.cpuUsage()
  const t0 = performance.now()
  const value = fn()
  const wall = performance.now() - t0
  const c = process.cpuUsage(c0)
  return { wall, cpu: (c.user + c.system) / 1000, value }
}

export function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`
}

/** `work`'s answer, its wall and CPU time, and what the quick calls asked meanwhile met. */
export interface OtherCalls<T> {
  value: T
  wallMs: number
  cpuMs: number
  /** the slowest app.info reply: how long another call from the window waited */
  slowestMs: number
  calls: number
}

/**
 * Ask app.info every 100 ms while `work` runs. Calls held behind a blocked server answer after
 * the work: their wait counts in `slowestMs` (wall and CPU are the work's own).
 */
export async function otherCallsDuring<T>(dispatch: Dispatch, work: () => Promise<T>): Promise<OtherCalls<T>> {
  let slowestMs = 0
  let calls = 0
  let running = true
  const pending: Promise<void>[] = []
  const ask = () => {
    if (!running) return
    const t0 = performance.now()
    pending.push(
      dispatch('app.info', {}).then(() => {
        calls++
        slowestMs = Math.max(slowestMs, performance.now() - t0)
      })
    )
  }
  const timer = setInterval(ask, 100)
  const cpu = process.cpuUsage()
  const t0 = performance.now()
  ask()
  let value: T
  try {
    value = await work()
  } finally {
    running = false
    clearInterval(timer)
  }
  const wallMs = performance.now() - t0
  const used = process.cpuUsage(cpu)
  await Promise.all(pending)
  return { value, wallMs, cpuMs: (used.user + used.system) / 1000, slowestMs, calls }
}
