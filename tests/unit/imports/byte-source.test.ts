import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { bytePieces, fileBytes } from '../../../electron/services/imports/byte-source'

describe('reading an import file from disk a piece at a time', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'eg-bytes-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('gives the file back piece by piece, the last piece shorter', () => {
    const file = join(dir, 'a.csv')
    writeFileSync(file, 'abcdefghij')
    const source = fileBytes(file)
    expect(source.size).toBe(10)
    expect([...bytePieces(source, 4)].map((p) => Buffer.from(p).toString())).toEqual(['abcd', 'efgh', 'ij'])
    expect(Buffer.from(source.read(8, 100)).toString()).toBe('ij')
  })

  it('refuses to go on when the file is saved over between two reads', () => {
    const file = join(dir, 'a.csv')
    writeFileSync(file, 'abcdefghij')
    const source = fileBytes(file)
    source.read(0, 4)
    writeFileSync(file, 'abcdefghijk')
    expect(() => source.read(4, 4)).toThrow(expect.objectContaining({ code: 'UNREADABLE_FILE', key: 'fileChangedWhileRead' }))
    writeFileSync(file, 'ABCDEFGHIJ')
    utimesSync(file, new Date('2026-01-01T00:00:00Z'), new Date('2026-01-01T00:00:00Z'))
    expect(() => source.read(4, 4)).toThrow(expect.objectContaining({ key: 'fileChangedWhileRead' }))
  })
})
