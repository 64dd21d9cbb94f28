/**
 * The import worker's heap, sized before it starts: a text export by its size, a zip workbook
 * by what its central directory says it unpacks to (SheetJS lays the sheets out whole), an
 * .xls by its size at BIFF's rate.
 */
import { readFileSync } from 'node:fs'
import { zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { memoryBytes } from '../../../electron/services/imports/byte-source'
import { importHeapLimitFor } from '../../../electron/services/imports/import-heap'
import { biffHeapLimitMb, importHeapLimitMb, workbookHeapLimitMb } from '../../../electron/services/imports/limits'
import { entryNames } from '../../../electron/services/imports/zip-entries'
import { declaredUnpackedBytes } from '../../../electron/services/imports/zip-directory'
import { fixture } from './helpers'

const base64 = (bytes: Uint8Array) => ({ name: 'f', dataBase64: Buffer.from(bytes).toString('base64') })

describe('declaredUnpackedBytes', () => {
  it('sums the unpacked sizes the central directory declares, the same as listing every entry', () => {
    const bytes = readFileSync(fixture('pos-sales.xlsx'))
    const listed = entryNames(bytes).unpackedBytes
    expect(listed).toBeGreaterThan(0)
    expect(declaredUnpackedBytes(memoryBytes(bytes))).toBe(listed)
  })

  it('finds the directory behind a zip comment, and answers null for bytes that are no zip', () => {
    const zipped = zipSync({ 'a.xml': new Uint8Array(1000), 'b.xml': new Uint8Array(24) })
    const withComment = Buffer.concat([zipped.subarray(0, zipped.length - 2), Buffer.from([5, 0]), Buffer.from('hello')])
    expect(declaredUnpackedBytes(memoryBytes(withComment))).toBe(1024)
    expect(declaredUnpackedBytes(memoryBytes(Buffer.from('单据号,金额\n1,2\n')))).toBeNull()
  })
})

describe('importHeapLimitFor', () => {
  it('gives a workbook that unpacks to 100 MB the workbook limit (256 + 6 × 100 = 856 MB), not the 258 MB of its 1 MB file', () => {
    // 100 MB of zeros deflate to about 100 KB
    const bytes = zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(100 * 1024 * 1024) })
    expect(bytes.length).toBeLessThan(1024 * 1024)
    expect(workbookHeapLimitMb(100 * 1024 * 1024)).toBe(856)
    expect(importHeapLimitFor(base64(bytes))).toBe(856)
  })

  it('gives a 10 MB .xls (OLE/BIFF, not compressed) 256 + 30 × 10 = 556 MB, not the 276 MB of a 10 MB CSV', () => {
    const ole = Buffer.alloc(10 * 1024 * 1024)
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole)
    expect(importHeapLimitMb(ole.length)).toBe(276)
    expect(biffHeapLimitMb(ole.length)).toBe(556)
    expect(importHeapLimitFor(base64(ole))).toBe(556)
  })

  it('sizes a CSV by its bytes, as before', () => {
    const path = fixture('gbk-title-totals.csv')
    expect(importHeapLimitFor({ path })).toBe(importHeapLimitMb(readFileSync(path).length))
    expect(importHeapLimitFor({ path })).toBe(256)
  })

  it('gives a workbook never less than its file size would', () => {
    const path = fixture('pos-sales.xlsx')
    expect(importHeapLimitFor({ path })).toBe(256)
  })
})
