/**
 * The README's `import` row lists the keys of each file's result: the same keys, in the same
 * order, as the contract's ImportResult (which the dispatcher checks every reply against), so
 * a key added to the result cannot go undocumented.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FieldConflict, ImportResult, RowError } from '../../../shared/schemas/imports'

/** The README's `{…}` after "one object per file:" in the import row. */
function documentedObject(): string {
  const readme = readFileSync(join(__dirname, '../../../README.md'), 'utf8')
  const row = readme.split('\n').find((l) => l.startsWith('| `import FILE'))!
  const m = /one object per file: `\{(.*?)\}` —/.exec(row)
  if (!m) throw new Error('the README import row no longer says "one object per file: `{…}` —"')
  return m[1]
}

/** Top-level names of a `a, b:{c, d}, e:[{f}]` list, and the names inside each nested part. */
function topLevel(list: string): { keys: string[]; nested: Record<string, string> } {
  const keys: string[] = []
  const nested: Record<string, string> = {}
  let depth = 0
  let current = ''
  const flush = () => {
    const [name, inner] = current.split(/:(.*)/s)
    keys.push(name.trim())
    if (inner) nested[name.trim()] = inner.trim().replace(/^\[?\{|\}\]?$/g, '')
    current = ''
  }
  for (const ch of list) {
    if (ch === '{' || ch === '[') depth++
    if (ch === '}' || ch === ']') depth--
    if (ch === ',' && depth === 0) flush()
    else current += ch
  }
  flush()
  return { keys, nested }
}

describe('the README import row', () => {
  const { keys, nested } = topLevel(documentedObject())

  it('names every key of the import result, in the contract order', () => {
    expect(keys).toEqual(Object.keys(ImportResult.shape))
  })

  it('names the keys of a rejected row, a notice and a field conflict', () => {
    const names = (s: string) => s.split(',').map((k) => k.trim())
    expect(names(nested.errors)).toEqual(Object.keys(RowError.shape))
    expect(names(nested.notices)).toEqual(Object.keys(RowError.shape))
    expect(names(nested.conflicts)).toEqual(Object.keys(FieldConflict.shape))
    expect(names(nested.birthdays)).toEqual(['solar', 'lunar'])
  })
})
