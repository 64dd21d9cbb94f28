/**
 * segments.overview as a job: the recompute of every built-in scheme (about 1 s on 200,000
 * customers) runs in this process, one step per turn of the event loop — the snapshot build a
 * range of 10,000 customers per step, then each scheme, then each saved segment — so the
 * server answers other calls between steps, and the window can show where it stands (done of
 * total customers built) and stop it between steps. The snapshot lives in this connection's temp tables, which a worker
 * with its own connection could not fill, hence no worker here.
 */
import type { Db } from '../../db/driver'
import type { Settings } from '../../../shared/schemas/settings'
import type { Words } from '../../../shared/schemas/predictions'
import { schemeOverviewSteps, type OverviewStep, type SchemeName } from '../segments/schemes'
import type { JobRegistry, JobReporter, PartialOf, ResultOf } from './job-registry'
import { stepRunner, type StepRunnerOptions } from './step-runner'

type OverviewReporter = JobReporter<PartialOf<'segments.overview'>, ResultOf<'segments.overview'>>

const SCHEME_WORDS: Record<SchemeName, Words> = {
  lifecycle: { zh: '生命周期', en: 'lifecycle' },
  ladder: { zh: '客户阶梯', en: 'the customer ladder' },
  tiers: { zh: '会员等级', en: 'member tiers' },
  rfmClassic: { zh: 'RFM 分群', en: 'the RFM segments' },
  rfmCn8: { zh: 'RFM 八类', en: 'the eight RFM classes' }
}

const BUILDING: Words = { zh: '正在整理每位顾客的购买数据', en: "working out each customer's purchases" }

/** The recompute's step in words: the build, each scheme, each saved segment. */
export function overviewPhase(step: OverviewStep): Words {
  if (step.kind === 'snapshot') return BUILDING
  const n = `${step.index + 1}/${step.count}`
  if (step.kind === 'scheme') {
    const w = SCHEME_WORDS[step.name]
    // a space between Chinese and a Latin word (STYLE): 正在计算 RFM 分群
    const gap = /^[A-Za-z]/.test(w.zh) ? ' ' : ''
    return { zh: `正在计算${gap}${w.zh}（第 ${n} 个）`, en: `tallying ${w.en} (${n})` }
  }
  return { zh: `正在统计自定义分群「${step.name}」（第 ${n} 个）`, en: `counting saved segment “${step.name}” (${n})` }
}

export interface OverviewJobPlace {
  db: Db
  /** awaited after each step (tests hold or cancel the recompute here) */
  between?: StepRunnerOptions<OverviewStep>['between']
  /** customers per step of the snapshot build (tests); SNAPSHOT_CHUNK by default */
  chunk?: number
}

/**
 * Start a recompute job; answers its id at once, before any of the work. A cancel closes the
 * steps at once (a cancel is heard between steps, never during one), so the snapshot build's
 * work tables are gone when jobs.cancel answers, not a turn later.
 */
export function startOverviewJob(jobs: JobRegistry, place: OverviewJobPlace, asOf: string, settings: Settings): { jobId: string } {
  return jobs.start('segments.overview', (report: OverviewReporter) => {
    // making the generator runs none of it: the first step runs a turn after the job id is answered
    const steps = schemeOverviewSteps(place.db, asOf, settings, true, { chunk: place.chunk })
    stepRunner(
      () => steps,
      (step, r: OverviewReporter) => r.progress(step.done, step.total, overviewPhase(step)),
      { between: place.between }
    )(report)
    return { stop: () => void steps.return(undefined as never) }
  })
}
