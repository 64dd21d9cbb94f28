/**
 * `npm run bench snapshot-steps`: the segment snapshot built a range of customers per step
 * (what the recompute job runs, a turn of the event loop between steps) against the one-pass
 * build, on the demo shop imported from its files: the longest step in CPU and wall time,
 * the number of steps, the whole build, and whether the two give the same snapshot. At
 * 20,000 customers by default; SNAPSHOT_STEPS_SIZES=20000,200000 adds the 200,000-customer
 * shop (imported once, about 5 minutes, then kept).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import type { Benchmark } from './registry'
import type { Db } from '../../electron/db/driver'
import { openNodeDatabase } from '../../electron/services/app/open-node-database'
import { benchShop } from './bench-shop'
import { readSettings } from '../../electron/services/settings/settings-service'
import { invalidateSnapshot, rebuildSnapshot, SNAPSHOT_CHUNK, snapshotSteps, type SnapshotState } from '../../electron/services/segments/snapshot'
import { figuresSource } from '../../electron/services/segments/snapshot-figures'
import { schemeSettings } from '../../electron/services/segments/scheme-settings'
import { addDays } from '../../shared/domain/dates'
import { median, took, type Took } from './measure'
import { JobRegistry } from '../../electron/services/jobs/job-registry'
import { startOverviewJob } from '../../electron/services/jobs/overview-job'

const AS_OF = '2026-11-23'
const RUNS = 5

/** One stepped build driven step by step as the step runner drives it (without the turns between). */
function steppedBuild(db: Db, asOf: string, chunk: number) {
  const g = snapshotSteps(db, asOf, schemeSettings(readSettings(db)), { chunk })
  const steps: Took[] = []
  for (;;) {
    const t = took(() => g.next())
    steps.push(t)
    if (t.value.done) return { steps, state: t.value.value as SnapshotState }
  }
}

const ms = (n: number) => `${n.toFixed(0)} ms`

/**
 * The whole recompute job (snapshot build, then every scheme) as the server runs it, a turn of
 * the event loop between steps: the longest the event loop was held (what any other call
 * waits at worst), from monitorEventLoopDelay, and the job's wall time.
 */
async function jobLoopDelay(db: Db, asOf: string, chunk: number): Promise<{ maxDelay: number; wall: number }> {
  invalidateSnapshot(db)
  const jobs = new JobRegistry()
  const h = monitorEventLoopDelay({ resolution: 1 })
  h.enable()
  const t0 = performance.now()
  const { jobId } = startOverviewJob(jobs, { db, chunk }, asOf, readSettings(db))
  const end = await jobs.wait(jobId, 1)
  const wall = performance.now() - t0
  h.disable()
  if (end.state !== 'done') throw new Error(`the recompute job ended ${end.state}`)
  return { maxDelay: h.max / 1e6, wall }
}

export const snapshotStepsBench: Benchmark = {
  name: 'snapshot-steps',
  description:
    'the segment snapshot built a range of customers per step against the one-pass build: longest step (CPU, wall), steps, whole build, same figures',
  async run(report) {
    const sizes = (process.env.SNAPSHOT_STEPS_SIZES ?? '20000').split(',').map(Number)
    const dir = mkdtempSync(join(tmpdir(), 'evergreen-bench-'))
    try {
      for (const customers of sizes) {
        const path = join(dir, `shop-${customers}.db`)
        report((await benchShop(customers, 1, AS_OF, path)).note)
        const db = openNodeDatabase(path)
        const s = schemeSettings(readSettings(db))
        const chunks = customers <= 20_000 ? [SNAPSHOT_CHUNK, 2_000] : [SNAPSHOT_CHUNK]
        for (const asOf of [AS_OF, addDays(AS_OF, -120)]) {
          // warm the page cache once so the figures measure the work, not the disk
          invalidateSnapshot(db)
          rebuildSnapshot(db, asOf, s)
          const whole: Took[] = []
          let reference: SnapshotState | null = null
          for (let i = 0; i < RUNS; i++) {
            invalidateSnapshot(db)
            const t = took(() => rebuildSnapshot(db, asOf, s))
            reference = t.value
            whole.push(t)
          }
          report(
            `${customers.toLocaleString('en')} customers as of ${asOf} (${figuresSource(db, asOf)}): one-pass build ${ms(median(whole.map((t) => t.cpu)))} CPU, ${ms(median(whole.map((t) => t.wall)))} wall (median of ${RUNS}) — one step`
          )
          for (const chunk of chunks) {
            const runs: { longestCpu: number; longestWall: number; cpu: number; wall: number; steps: number; same: boolean }[] = []
            for (let i = 0; i < RUNS; i++) {
              invalidateSnapshot(db)
              const { steps, state } = steppedBuild(db, asOf, chunk)
              runs.push({
                longestCpu: Math.max(...steps.map((t) => t.cpu)),
                longestWall: Math.max(...steps.map((t) => t.wall)),
                cpu: steps.reduce((n, t) => n + t.cpu, 0),
                wall: steps.reduce((n, t) => n + t.wall, 0),
                // the generator's calls: one per step and the one that returns
                steps: steps.length - 1,
                same: isDeepStrictEqual(state, reference)
              })
            }
            const m = (k: 'longestCpu' | 'longestWall' | 'cpu' | 'wall') => ms(median(runs.map((r) => r[k])))
            report(
              `  stepped, ${chunk.toLocaleString('en')} customers a step: ${runs[0].steps} steps, longest ${m('longestCpu')} CPU / ${m('longestWall')} wall; whole build ${m('cpu')} CPU / ${m('wall')} wall (medians of ${RUNS}); the one-pass snapshot: ${runs.every((r) => r.same) ? 'yes' : 'NO'}`
            )
          }
          for (const chunk of [Infinity, SNAPSHOT_CHUNK]) {
            const jobs: { maxDelay: number; wall: number }[] = []
            for (let i = 0; i < RUNS; i++) jobs.push(await jobLoopDelay(db, asOf, chunk))
            report(
              `  the recompute job ${chunk === Infinity ? 'building in one pass' : 'stepped'}: event loop held at most ${ms(median(jobs.map((j) => j.maxDelay)))}, job ${ms(median(jobs.map((j) => j.wall)))} wall (medians of ${RUNS})`
            )
          }
        }
        db.close()
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
}
