/**
 * Every refusal speaks through the catalogue: a `new DomainError(code, '…')` with its words
 * written at the throw site would show one fixed bilingual line to every reader. Only
 * shared/errors builds DomainErrors from sentences; elsewhere a DomainError is made by
 * refuse(), or re-made from a reply that already carries its key (the CLI, the import job).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(__dirname, '../../..')
const scanned = ['electron', 'shared', 'renderer/src']

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name)
    if (d.isDirectory()) return d.name === 'node_modules' ? [] : sourceFiles(path)
    return /\.(ts|vue)$/.test(d.name) ? [path] : []
  })
}

/** `new DomainError(CODE, '…' | "…" | `…`` — a message written as a literal (template literals included). */
const literalMessage = /new DomainError\(\s*[^,()]+,\s*[`'"]/g

describe('refusals outside shared/errors', () => {
  it('the scan sees a literal message and lets a re-made reply through', () => {
    expect("throw new DomainError('BAD_INPUT', '没有顾客 (no customer)')".match(literalMessage)).toHaveLength(1)
    expect('throw new DomainError(\n  "CONFLICT",\n  `已删除 (erased ${id})`\n)'.match(literalMessage)).toHaveLength(1)
    expect('throw new DomainError(r.code, r.message, { key: r.key, params: r.params ?? {} })'.match(literalMessage)).toBeNull()
  })

  it('never build a DomainError from a literal sentence: each goes through refuse() and the catalogue', () => {
    const offenders = scanned
      .flatMap((dir) => sourceFiles(join(root, dir)))
      .filter((file) => !relative(root, file).startsWith(join('shared', 'errors')))
      .flatMap((file) => {
        const text = readFileSync(file, 'utf8')
        return [...text.matchAll(literalMessage)].map((m) => `${relative(root, file)}:${text.slice(0, m.index).split('\n').length}`)
      })
    expect(offenders).toEqual([])
  })
})
