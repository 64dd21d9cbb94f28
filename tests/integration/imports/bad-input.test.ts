/** Files that are not sales exports: a clear message, no crash, nothing written. */
import { closeSync, mkdtempSync, openSync, rmSync, truncateSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { freshDb } from '../../helpers/db'
import { DomainError } from '../../../shared/result'
import { loadImportFile } from '../../../electron/services/imports/file-input'
import { fixture, footprint, importBytes } from './helpers'
import { formatError } from '../../../shared/errors/messages'

async function refusal(bytes: Uint8Array): Promise<{ error: DomainError; written: boolean }> {
  const db = freshDb()
  const before = footprint(db)
  let error: unknown
  try {
    await importBytes(db, 'bad.csv', bytes)
  } catch (e) {
    error = e
  }
  expect(error).toBeInstanceOf(DomainError)
  return { error: error as DomainError, written: JSON.stringify(footprint(db)) !== JSON.stringify(before) }
}

describe('bad input', () => {
  it('refuses an empty file', async () => {
    const r = await refusal(new Uint8Array(0))
    expect(r.error).toMatchObject({ code: 'UNREADABLE_FILE', key: 'fileEmpty' })
    expect(r.written).toBe(false)
  })

  it('refuses a file of only blank lines', async () => {
    const r = await refusal(Buffer.from('\r\n\r\n  \r\n'))
    expect(r.error).toMatchObject({ code: 'UNREADABLE_FILE', key: 'fileEmpty' })
    expect(r.written).toBe(false)
  })

  it('refuses binary junk', async () => {
    const junk = Buffer.alloc(20_000)
    for (let i = 0; i < junk.length; i++) junk[i] = (i * 7919 + 13) % 256
    const r = await refusal(junk)
    expect(r.error).toMatchObject({ code: 'UNREADABLE_FILE', key: 'fileLooksBinary' })
    expect(r.written).toBe(false)
  })

  it('refuses a CSV cut off inside a quoted cell, writing none of its good rows', async () => {
    const text = '会员卡号,销售时间,实收金额,备注\nK1,2024-03-05 10:00,10,ok\nK2,2024-03-05 11:00,20,"cut he'
    const r = await refusal(Buffer.from(text))
    expect(r.error).toMatchObject({ code: 'UNREADABLE_FILE', key: 'unterminatedQuote', params: { row: 3 } })
    expect(r.written).toBe(false)
  })

  it('refuses a truncated xlsx', async () => {
    const bytes = readFileSync(fixture('pos-sales.xlsx'))
    const r = await refusal(bytes.subarray(0, Math.floor(bytes.length / 2)))
    expect(r.error).toMatchObject({ code: 'UNREADABLE_FILE', key: 'xlsxDamaged' })
    expect(r.written).toBe(false)
  })

  it('refuses a broken OLE (.xls) header as a damaged workbook', async () => {
    const r = await refusal(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]))
    expect(r.error).toMatchObject({ code: 'UNREADABLE_FILE', key: 'workbookDamaged' })
    expect(r.written).toBe(false)
  })

  it('refuses 2,000 columns', async () => {
    const header = Array.from({ length: 2000 }, (_, i) => `c${i}`).join(',')
    const r = await refusal(Buffer.from(`${header}\n${header}\n`))
    expect(r.error).toMatchObject({ code: 'UNREADABLE_FILE', key: 'tooManyColumns', params: { columns: 2000, max: 1000 } })
    expect(r.written).toBe(false)
  })

  it('refuses a 1 MB cell', async () => {
    const text = `会员卡号,销售时间,实收金额,备注\nK1,2024-03-05 10:00,10,${'x'.repeat(1024 * 1024)}\n`
    const r = await refusal(Buffer.from(text))
    expect(r.error).toMatchObject({ code: 'UNREADABLE_FILE', key: 'cellTooLong', params: { row: 2, max: 65_536 } })
    expect(r.written).toBe(false)
  })

  it('refuses a file without a date or amount column and names what is missing', async () => {
    const r = await refusal(Buffer.from('会员卡号,商品名称\nK1,奶粉\n'))
    expect(r.error).toMatchObject({ code: 'BAD_INPUT', key: 'noDateColumn' })
    expect(formatError('noDateColumn', {}, 'zh-CN')).toBe('没有找到日期/时间列，请在预览中指定')
    expect(formatError('noDateColumn', {}, 'en')).toBe('no date column was found: map one in the preview')
  })

  it('refuses a file over 256 MB before reading it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'evergreen-big-'))
    try {
      const file = join(dir, 'huge.csv')
      closeSync(openSync(file, 'w'))
      truncateSync(file, 300 * 1024 * 1024) // sparse: takes no disk
      expect(() => loadImportFile({ path: file })).toThrow(expect.objectContaining({ code: 'UNREADABLE_FILE', key: 'fileTooLarge', params: { mb: 256 } }))
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
