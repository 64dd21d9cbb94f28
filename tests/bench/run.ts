/**
 * `npm run bench`: speed and memory figures, printed as medians and ratios. Never part of
 * `npm test` (shared machines are noisy); run it by hand and quote it in closing notes.
 * Usage: npm run bench [-- NAME ...]   (no names: every benchmark)
 */
import { benchmarks } from './registry'

async function main(): Promise<void> {
  const wanted = process.argv.slice(2)
  const chosen = wanted.length ? benchmarks.filter((b) => wanted.includes(b.name)) : benchmarks
  for (const b of chosen) {
    process.stdout.write(`\n## ${b.name}: ${b.description}\n`)
    const t0 = performance.now()
    await b.run((line) => process.stdout.write(`  ${line}\n`))
    process.stdout.write(`  (${((performance.now() - t0) / 1000).toFixed(1)} s in all)\n`)
  }
}

void main()
