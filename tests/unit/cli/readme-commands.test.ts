/**
 * The README's command table is the complete list: every command form the CLI's own --help
 * prints (`campaign mail`, `print redeem`, `segments delete` …) has a row, and every row names
 * a form the CLI knows.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../../electron/cli/run-cli'

const WORD = /^[a-z][a-z-]*$/

/** The command words a usage fragment starts with: `campaign mail ID --date …` → `campaign mail`. */
function leadingWords(fragment: string): string[] {
  const words: string[] = []
  for (const token of fragment.trim().split(/\s+/)) {
    if (!WORD.test(token)) break
    words.push(token)
  }
  return words
}

/** Every command form in the help: a line per form, alternatives after ` | ` at the start of a word. */
async function helpForms(): Promise<Set<string>> {
  let out = ''
  await runCli(['--help'], { stdout: (s) => (out += s), stderr: () => {}, env: {}, version: '0.0.0-test' })
  const forms = new Set<string>()
  for (const line of out.split('\n')) {
    // usage lines are indented by two spaces; summaries by six, continuations start with [ or →
    if (!/^ {2}[a-z]/.test(line)) continue
    const parts = line.split(' | ')
    const first = leadingWords(parts[0])
    if (first.length === 0) continue
    forms.add(first.join(' '))
    for (const part of parts.slice(1)) {
      const words = leadingWords(part)
      if (words.length === 0) continue // an option alternative such as `--suggestion …`
      // `segments list | delete NAME`: a sub-command without its command name
      forms.add(words[0] === first[0] ? words.join(' ') : [first[0], ...words].join(' '))
    }
  }
  return forms
}

function readmeForms(): Set<string> {
  const readme = readFileSync(join(__dirname, '../../../README.md'), 'utf8')
  // the command table's section only: later tables (the benchmarks) also start rows with `name`
  const from = readme.indexOf('## The command line')
  const section = readme.slice(from, readme.indexOf('\n## ', from + 1))
  const forms = new Set<string>()
  for (const m of section.matchAll(/^\| `([^`]+)` \|/gm)) {
    const words = leadingWords(m[1])
    if (words.length) forms.add(words.join(' '))
  }
  return forms
}

describe('the README command table', () => {
  it('has a row for every command form the CLI help prints', async () => {
    const help = await helpForms()
    expect(help.has('campaign mail')).toBe(true)
    const readme = readmeForms()
    expect([...help].filter((f) => !readme.has(f))).toEqual([])
  })

  it('lists no command the CLI does not have', async () => {
    const help = await helpForms()
    expect([...readmeForms()].filter((f) => !help.has(f))).toEqual([])
  })
})
