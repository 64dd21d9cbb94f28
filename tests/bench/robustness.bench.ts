/**
 * The robustness tests with a large budget (issue 9, point 5): the import fuzz with twenty
 * times the inputs `npm test` throws, and the crash-safety kills (merge and restore) with five
 * times the trials. Prints inputs per second, how the inputs ended and every failure (there
 * should be none). EVERGREEN_FUZZ_ITERATIONS, EVERGREEN_FUZZ_SEED and EVERGREEN_CRASH_TRIALS
 * set the budgets.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Benchmark } from './registry'
import { fuzzImporter } from '../integration/security/fuzz-import-run'

const FUZZ_INPUTS = Number(process.env.EVERGREEN_FUZZ_ITERATIONS ?? 20_000)
// the test's seed: its 1,000 inputs are the first of these
const FUZZ_SEED = Number(process.env.EVERGREEN_FUZZ_SEED ?? 20261123)
const CRASH_TRIALS = Number(process.env.EVERGREEN_CRASH_TRIALS ?? 100)
const root = join(__dirname, '../..')

async function importFuzz(report: (line: string) => void): Promise<boolean> {
  const dir = mkdtempSync(join(tmpdir(), 'evergreen-robustness-'))
  const step = Math.max(1, Math.floor(FUZZ_INPUTS / 10))
  const run = await fuzzImporter({
    seed: FUZZ_SEED,
    iterations: FUZZ_INPUTS,
    dir,
    onInput: (i) => {
      if ((i + 1) % step === 0) process.stderr.write(`  … ${i + 1} inputs\n`)
    }
  })
  const secs = run.ms / 1000
  const refused = Object.entries(run.refused)
    .map(([code, n]) => `${n.toLocaleString()} ${code}`)
    .join(', ')
  report(
    `import fuzz, seed ${run.seed}: ${run.inputs.toLocaleString()} inputs (${(run.bytes / 1024 / 1024).toFixed(0)} MB) in ${secs.toFixed(1)} s = ${(run.inputs / secs).toFixed(0)} inputs/s`
  )
  report(`  ${run.imported.toLocaleString()} imported as one batch (then undone), refused: ${refused}; slowest input ${run.slowestMs.toFixed(0)} ms`)
  report(`  failures: ${run.failures.length}`)
  for (const f of run.failures.slice(0, 10)) report(`    input ${f.index} (${f.label}) → ${f.problem.slice(0, 400)} [${f.file}]`)
  if (run.failures.length === 0) rmSync(dir, { recursive: true, force: true })
  return run.failures.length === 0
}

interface VitestJson {
  testResults: { assertionResults: { title: string; status: string; duration: number; failureMessages: string[] }[] }[]
}

/** The crash-safety test file itself, run with more trials. */
function crashTrials(report: (line: string) => void): boolean {
  const out = join(mkdtempSync(join(tmpdir(), 'evergreen-crash-bench-')), 'result.json')
  spawnSync(
    process.execPath,
    [join(root, 'node_modules/vitest/vitest.mjs'), 'run', 'tests/integration/security/crash-safety.test.ts', '--reporter=json', `--outputFile=${out}`],
    {
      cwd: root,
      env: { ...process.env, EVERGREEN_CRASH_TRIALS: String(CRASH_TRIALS) },
      stdio: 'ignore'
    }
  )
  let ok = true
  const results = (JSON.parse(readFileSync(out, 'utf8')) as VitestJson).testResults.flatMap((f) => f.assertionResults)
  for (const t of results) {
    const secs = t.duration / 1000
    report(`${t.status === 'passed' ? 'ok  ' : 'FAIL'} ${t.title}: ${secs.toFixed(1)} s, ${(secs / CRASH_TRIALS).toFixed(2)} s a trial`)
    if (t.status !== 'passed') {
      ok = false
      report(`    ${t.failureMessages.join(' ').slice(0, 600)}`)
    }
  }
  return ok && results.length > 0
}

export const robustnessBench: Benchmark = {
  name: 'robustness',
  description: `import fuzz with ${FUZZ_INPUTS.toLocaleString()} inputs; merges and restores killed at random points, ${CRASH_TRIALS} trials each`,
  async run(report) {
    const fuzzOk = await importFuzz(report)
    const crashOk = crashTrials(report)
    if (!fuzzOk || !crashOk) process.exitCode = 1
  }
}
