/**
 * The job registry on its own: progress in the order the work reports it, cancel, a failure
 * kept to its own job, two jobs at once, results kept until read, and a job in a worker thread.
 * Runners here are plain step generators held at gates the test opens, so nothing depends on timing.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { JobRegistry, type JobReporter } from '../../../electron/services/jobs/job-registry'
import { stepRunner } from '../../../electron/services/jobs/step-runner'
import { workerRunner } from '../../../electron/services/jobs/worker-runner'
import { DomainError } from '../../../shared/result'
import type { ClvFit } from '../../../shared/schemas/predictions'
import type { ModelAnswer } from '../../../shared/schemas/jobs'

/** A result shaped like the fit job's, told apart by its message. */
const result = (name: string) => ({ message: { zh: name, en: name } }) as unknown as ClvFit
const answer = (model: ModelAnswer['model']): ModelAnswer => ({ model, label: model, params: { r: 1 }, logLik: -1, backtest: null, error: null })

type Step = { name: string; partial?: ModelAnswer }

/** A gate per step name: the runner waits at it after reporting that step, until the test opens it. */
function gates() {
  const open = new Map<string, () => void>()
  const reached = new Map<string, Promise<void>>()
  const arrive = new Map<string, () => void>()
  const key = (job: string, step: string) => `${job}:${step}`
  const ensure = (k: string) => {
    if (!reached.has(k)) reached.set(k, new Promise<void>((r) => arrive.set(k, r)))
  }
  return {
    /** the `between` hook of job `job`: says it arrived, then waits to be let through */
    hold: (job: string) => (s: Step) => {
      const k = key(job, s.name)
      ensure(k)
      arrive.get(k)!()
      return new Promise<void>((r) => open.set(k, r))
    },
    reached: (job: string, step: string) => {
      ensure(key(job, step))
      return reached.get(key(job, step))!
    },
    release: (job: string, step: string) => open.get(key(job, step))!()
  }
}

function* work(steps: Step[], ran: string[], end: () => ClvFit): Generator<Step, ClvFit> {
  for (const s of steps) {
    ran.push(s.name)
    yield s
  }
  return end()
}

const report = (s: Step, r: JobReporter<ModelAnswer, ClvFit>, total: number, index: number) => {
  r.progress(index, total, { zh: s.name, en: s.name })
  if (s.partial) r.partial(s.partial)
}

function job(steps: Step[], ran: string[], between: (s: Step) => Promise<void>, end: () => ClvFit = () => result('end')) {
  return stepRunner<Step, ModelAnswer, ClvFit>(
    () => work(steps, ran, end),
    (s, r) => report(s, r, steps.length, steps.indexOf(s)),
    { between }
  )
}

describe('the job registry', () => {
  it('answers the job id before any work runs, then reports progress and partial answers in the order they came, then the result', async () => {
    const jobs = new JobRegistry()
    const g = gates()
    const ran: string[] = []
    const steps = [{ name: 'reading' }, { name: 'bgnbd', partial: answer('bgnbd') }, { name: 'paretoNbd', partial: answer('paretoNbd') }]
    const { jobId } = jobs.start('predictions.fit', job(steps, ran, g.hold('a')))
    expect(ran).toEqual([])
    expect(jobs.progress(jobId)).toMatchObject({ kind: 'predictions.fit', state: 'running', done: 0, total: 0, phase: null, partial: [] })

    await g.reached('a', 'reading')
    expect(jobs.progress(jobId)).toMatchObject({ state: 'running', done: 0, total: 3, phase: { zh: 'reading' }, partial: [] })
    g.release('a', 'reading')
    await g.reached('a', 'bgnbd')
    const mid = jobs.progress(jobId)
    expect(mid).toMatchObject({ state: 'running', done: 1, total: 3, phase: { en: 'bgnbd' }, result: null })
    expect(mid.partial.map((p) => p.model)).toEqual(['bgnbd'])
    g.release('a', 'bgnbd')
    await g.reached('a', 'paretoNbd')
    // the copy read earlier does not change as the job goes on
    expect(mid.partial).toHaveLength(1)
    expect(jobs.progress(jobId).partial.map((p) => p.model)).toEqual(['bgnbd', 'paretoNbd'])
    g.release('a', 'paretoNbd')

    const end = await jobs.wait(jobId, 1)
    expect(end).toMatchObject({ state: 'done', done: 3, total: 3, phase: null, error: null, result: result('end') })
    expect(ran).toEqual(['reading', 'bgnbd', 'paretoNbd'])
  })

  it('cancels a running job at once: state cancelled, no result, and no step after the cancel runs', async () => {
    const jobs = new JobRegistry()
    const g = gates()
    const ran: string[] = []
    const { jobId } = jobs.start(
      'predictions.fit',
      job([{ name: 'reading' }, { name: 'bgnbd', partial: answer('bgnbd') }, { name: 'mbgnbd' }], ran, g.hold('c'))
    )
    await g.reached('c', 'reading')
    g.release('c', 'reading')
    await g.reached('c', 'bgnbd')
    expect(jobs.cancel(jobId)).toEqual({ cancelled: true })
    const p = jobs.progress(jobId)
    expect(p).toMatchObject({ state: 'cancelled', result: null, phase: null, error: { code: 'CANCELLED' } })
    // what it had already answered stays readable
    expect(p.partial.map((a) => a.model)).toEqual(['bgnbd'])
    g.release('c', 'bgnbd')
    // a turn or two for a runner that would carry on
    await new Promise((r) => setImmediate(r))
    await new Promise((r) => setImmediate(r))
    expect(ran).toEqual(['reading', 'bgnbd'])
    expect(jobs.progress(jobId).state).toBe('cancelled')
    expect(jobs.cancel(jobId)).toEqual({ cancelled: false })
  })

  it('refuses a cancel its runner is past stopping for: cancelled false, and the job ends with its own result', async () => {
    const jobs = new JobRegistry()
    let finish: (r: ClvFit) => void = () => {}
    let asked = 0
    const { jobId } = jobs.start('predictions.fit', (report: JobReporter<ModelAnswer, ClvFit>) => {
      finish = (r) => report.done(r)
      // a commit under way elsewhere: too late to stop
      return { stop: () => (asked++, false) }
    })
    expect(jobs.cancel(jobId)).toEqual({ cancelled: false })
    expect(asked).toBe(1)
    expect(jobs.progress(jobId)).toMatchObject({ state: 'running', error: null })
    finish(result('landed'))
    expect(jobs.progress(jobId)).toMatchObject({ state: 'done', error: null, result: result('landed') })
  })

  it('keeps a failure to its own job: the other job still answers its result', async () => {
    const jobs = new JobRegistry()
    const g = gates()
    const bad = jobs.start(
      'predictions.fit',
      job([{ name: 'reading' }], [], g.hold('bad'), () => {
        throw new DomainError('BAD_INPUT', '数据太少 (too little data)', { key: 'fileNotFound', params: { path: 'x' } })
      })
    )
    const good = jobs.start(
      'predictions.fit',
      job([{ name: 'reading' }], [], g.hold('good'), () => result('good'))
    )
    await Promise.all([g.reached('bad', 'reading'), g.reached('good', 'reading')])
    g.release('bad', 'reading')
    expect(await jobs.wait(bad.jobId, 1)).toMatchObject({
      state: 'failed',
      result: null,
      error: { code: 'BAD_INPUT', message: '数据太少 (too little data)', key: 'fileNotFound', params: { path: 'x' } }
    })
    expect(jobs.progress(good.jobId).state).toBe('running')
    g.release('good', 'reading')
    expect(await jobs.wait(good.jobId, 1)).toMatchObject({ state: 'done', error: null, result: result('good') })
  })

  it('runs two jobs at once, each with its own progress and result', async () => {
    const jobs = new JobRegistry()
    const g = gates()
    const one = jobs.start(
      'predictions.fit',
      job([{ name: 's1' }, { name: 's2', partial: answer('bgnbd') }], [], g.hold('1'), () => result('one'))
    )
    const two = jobs.start(
      'predictions.fit',
      job([{ name: 's1', partial: answer('mbgnbd') }, { name: 's2' }], [], g.hold('2'), () => result('two'))
    )
    await Promise.all([g.reached('1', 's1'), g.reached('2', 's1')])
    g.release('1', 's1')
    await g.reached('1', 's2')
    // job one is a step ahead; job two has not moved
    expect(jobs.progress(one.jobId)).toMatchObject({ done: 1, partial: [{ model: 'bgnbd' }] })
    expect(jobs.progress(two.jobId)).toMatchObject({ done: 0, partial: [{ model: 'mbgnbd' }] })
    g.release('2', 's1')
    await g.reached('2', 's2')
    g.release('2', 's2')
    expect(await jobs.wait(two.jobId, 1)).toMatchObject({ state: 'done', result: result('two') })
    expect(jobs.progress(one.jobId).state).toBe('running')
    g.release('1', 's2')
    expect(await jobs.wait(one.jobId, 1)).toMatchObject({ state: 'done', result: result('one') })
  })

  it('keeps a finished result until it has been read, however many jobs finish after it', async () => {
    const jobs = new JobRegistry()
    const now = (r: JobReporter<ModelAnswer, ClvFit>, name: string) => r.done(result(name))
    const first = jobs.start('predictions.fit', (r) => now(r, 'first'))
    for (let i = 0; i < 30; i++) jobs.progress(jobs.start('predictions.fit', (r) => now(r, `read ${i}`)).jobId)
    expect(jobs.progress(first.jobId).result).toEqual(result('first'))
    // read ones beyond the last ten are let go
    for (let i = 0; i < 11; i++) jobs.progress(jobs.start('predictions.fit', (r) => now(r, `more ${i}`)).jobId)
    expect(() => jobs.progress(first.jobId)).toThrow(/no job/)
    expect(() => jobs.cancel('nobody')).toThrow(DomainError)
  })

  it('awaits its `before` once, after the job id is answered and before the first step; a cancel heard while it runs runs no step', async () => {
    const jobs = new JobRegistry()
    const ran: string[] = []
    let letGo!: () => void
    let started!: () => void
    const inBefore = new Promise<void>((r) => (started = r))
    const run = stepRunner<Step, ModelAnswer, ClvFit>(
      () => work([{ name: 'one' }, { name: 'two' }], ran, () => result('end')),
      (s, r) => r.progress(1, 2, { zh: s.name, en: s.name }),
      {
        before: (r) => {
          ran.push('before')
          r.progress(0, 0, { zh: '备份', en: 'backing up' })
          started()
          return new Promise<void>((go) => (letGo = go))
        }
      }
    )
    const { jobId } = jobs.start('predictions.fit', run)
    expect(ran).toEqual([])
    await inBefore
    expect(jobs.progress(jobId)).toMatchObject({ state: 'running', done: 0, total: 0, phase: { en: 'backing up' } })
    expect(ran).toEqual(['before'])
    jobs.cancel(jobId)
    letGo()
    await new Promise((r) => setImmediate(r))
    await new Promise((r) => setImmediate(r))
    expect(ran).toEqual(['before'])
    expect(jobs.progress(jobId)).toMatchObject({ state: 'cancelled', result: null })

    // run to its end, `before` comes first and once; cancelled before it began, not even `before` runs
    const whole: string[] = []
    const done = jobs.start(
      'predictions.fit',
      stepRunner<Step, ModelAnswer, ClvFit>(
        () => work([{ name: 'one' }, { name: 'two' }], whole, () => result('end')),
        () => {},
        { before: async () => void whole.push('before') }
      )
    )
    expect(await jobs.wait(done.jobId, 1)).toMatchObject({ state: 'done', result: result('end') })
    expect(whole).toEqual(['before', 'one', 'two'])
    const never: string[] = []
    const early = jobs.start(
      'predictions.fit',
      stepRunner<Step, ModelAnswer, ClvFit>(
        () => work([{ name: 'one' }], never, () => result('end')),
        () => {},
        { before: async () => void never.push('before') }
      )
    )
    jobs.cancel(early.jobId)
    await new Promise((r) => setImmediate(r))
    await new Promise((r) => setImmediate(r))
    expect(never).toEqual([])
  })

  it('fails a job whose runner throws as it starts, with the thrown code', () => {
    const jobs = new JobRegistry()
    const { jobId } = jobs.start('predictions.fit', () => {
      throw new DomainError('NOT_FOUND', '没有 (none)')
    })
    expect(jobs.progress(jobId)).toMatchObject({ state: 'failed', error: { code: 'NOT_FOUND', message: '没有 (none)' } })
  })
})

describe('a job in a worker thread', () => {
  const dir = mkdtempSync(join(tmpdir(), 'eg-jobs-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  /** A worker that reports a step and a model's answer, then does `then`. */
  const workerFile = (name: string, then: string) => {
    const file = join(dir, name)
    writeFileSync(
      file,
      `const { parentPort } = require('node:worker_threads')
parentPort.postMessage({ type: 'progress', done: 1, total: 2, phase: { zh: '一', en: 'one' } })
parentPort.postMessage({ type: 'partial', answer: { model: 'bgnbd' } })
${then}
`
    )
    return file
  }
  const exited = () => {
    let done!: () => void
    const promise = new Promise<void>((r) => (done = r))
    return { promise, done }
  }

  it("hears the worker's progress, partial answers and result", async () => {
    const jobs = new JobRegistry()
    const file = workerFile('answers.cjs', `parentPort.postMessage({ type: 'done', result: { message: { zh: 'w', en: 'w' } } })`)
    const exit = exited()
    const { jobId } = jobs.start('predictions.fit', workerRunner<ModelAnswer, ClvFit>(file, null, { onExit: exit.done }))
    await exit.promise
    expect(jobs.progress(jobId)).toMatchObject({ state: 'done', done: 2, total: 2, phase: null, partial: [{ model: 'bgnbd' }], result: result('w') })
  })

  it('stops a worker that never answers when cancelled: cancelled, no result, and its exit does not turn that into a failure', async () => {
    const jobs = new JobRegistry()
    const file = workerFile('forever.cjs', `setInterval(() => {}, 1000)`)
    const exit = exited()
    const { jobId } = jobs.start('predictions.fit', workerRunner<ModelAnswer, ClvFit>(file, null, { onExit: exit.done }))
    while (jobs.progress(jobId).partial.length === 0) await new Promise((r) => setTimeout(r, 5))
    expect(jobs.cancel(jobId)).toEqual({ cancelled: true })
    await exit.promise
    expect(jobs.progress(jobId)).toMatchObject({ state: 'cancelled', result: null, error: { code: 'CANCELLED' }, partial: [{ model: 'bgnbd' }] })
  })

  it('fails a job whose worker exits without answering', async () => {
    const jobs = new JobRegistry()
    const exit = exited()
    const { jobId } = jobs.start('predictions.fit', workerRunner<ModelAnswer, ClvFit>(workerFile('dies.cjs', 'process.exit(3)'), null, { onExit: exit.done }))
    await exit.promise
    expect(jobs.progress(jobId)).toMatchObject({
      state: 'failed',
      result: null,
      error: { code: 'INTERNAL', message: expect.stringContaining('exited with 3') }
    })
  })
})
