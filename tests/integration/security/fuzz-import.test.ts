/**
 * A thousand random and mutated files through the real importer (preview, then import) on a
 * database already holding one good import: every file is imported as one whole batch or
 * refused with a DomainError, never anything else, never a hang, never a partial write.
 * The generator lives in fuzz-inputs.ts, the checks in fuzz-import-run.ts; `npm run bench
 * robustness` runs the same with twenty times the budget.
 * EVERGREEN_FUZZ_ITERATIONS raises the budget, EVERGREEN_FUZZ_SEED replays another run.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fuzzImporter } from './fuzz-import-run'

const ITERATIONS = Number(process.env.EVERGREEN_FUZZ_ITERATIONS ?? 1000)
const SEED = Number(process.env.EVERGREEN_FUZZ_SEED ?? 20261123)

describe('fuzzing the importer', () => {
  it(`imports each of ${ITERATIONS} random and mutated files whole or refuses it with a DomainError, leaving a sound database (seed ${SEED})`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eg-fuzz-import-'))
    const run = await fuzzImporter({ seed: SEED, iterations: ITERATIONS, dir })
    const report = run.failures
      .slice(0, 5)
      .map((f) => `  input ${f.index} (${f.label}) → ${f.problem}\n    bytes: ${f.file}`)
      .join('\n')
    expect(run.failures, `seed ${SEED}: ${run.failures.length} of ${run.inputs} inputs failed (replay: EVERGREEN_FUZZ_SEED=${SEED})\n${report}`).toEqual([])
    expect(run.inputs).toBe(ITERATIONS)
    // both ways out were taken, often: the fuzz reaches the writer as well as the refusals
    expect(run.imported).toBeGreaterThan(ITERATIONS * 0.2)
    expect(run.refused.UNREADABLE_FILE).toBeGreaterThan(ITERATIONS * 0.2)
    expect(run.refused.BAD_INPUT).toBeGreaterThan(ITERATIONS * 0.05)
    rmSync(dir, { recursive: true, force: true })
  }, 300_000)
})
