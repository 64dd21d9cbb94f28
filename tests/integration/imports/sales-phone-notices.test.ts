/**
 * A sales export says which phones it kept but staff should check, as a member list does
 * (`notices`): a mobile with a digit missing, a number that is no mainland mobile or landline.
 * The file is the journey's GBK counter export (title, export time and 合计 rows) with two
 * receipts' phones typed wrong, as staff mistype them at the till.
 */
import { readFileSync } from 'node:fs'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { freshDb } from '../../helpers/db'
import { journeyFile } from '../journey/journey-files'
import { importBytes } from './helpers'

function counterExportWithTypos(): Uint8Array {
  const text = iconv
    .decode(readFileSync(journeyFile('pos-2026-09.csv')), 'gbk')
    .replace('M003,张静,13905710003,', 'M003,张静,1390571003,') // a digit missing
    .replace('M006,杨艳,13905710006,', 'M006,杨艳,23905710006,') // no mainland mobile starts with 2 and has 11 digits
  return iconv.encode(text, 'gbk')
}

describe('a sales export with odd phone numbers', () => {
  it('imports every receipt and lists each odd phone once in notices, with its row and column', async () => {
    const r = await importBytes(freshDb(), 'pos-2026-09.csv', counterExportWithTypos())
    expect(r.kind).toBe('sales')
    expect(r.rowsImported).toBe(30)
    expect(r.notices).toEqual([
      { row: 7, column: '手机号', value: '1390571003', reason: '手机号应为 11 位，这里是 10 位，请核对 (a mobile number has 11 digits, this one 10)' },
      {
        row: 10,
        column: '手机号',
        value: '23905710006',
        reason: '不像中国大陆手机号或带区号的座机号，请核对 (not a mainland mobile or a landline with area code)'
      }
    ])
  })

  it('lists nothing when every phone is a mainland mobile', async () => {
    const r = await importBytes(freshDb(), 'pos-2026-09.csv', readFileSync(journeyFile('pos-2026-09.csv')))
    expect(r.notices).toEqual([])
  })
})
