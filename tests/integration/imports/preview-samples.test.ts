/**
 * The preview of a member or product list shows each mapped field with its first three rows as
 * the import will store them (issue 17, point 8). Figures by hand from
 * tests/fixtures/imports/members-gbk.csv and products.csv, previewed on 2026-11-23.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { previewTable } from '../../../electron/services/imports/preview'
import { openTable } from '../../../electron/services/imports/table-source'
import type { FieldSamples, ImportOptions } from '../../../shared/schemas/imports'
import { fixture } from './helpers'

async function samples(name: string, options: ImportOptions = {}, asOf = '2026-11-23') {
  const p = previewTable(null, await openTable(readFileSync(fixture(name)), options), name, options, asOf)
  return { preview: p, byField: Object.fromEntries(p.samples.map((s) => [s.field, s])) as Record<string, FieldSamples> }
}

describe('the preview of a member list', () => {
  it('shows each mapped field with its header, in column order', async () => {
    const { preview } = await samples('members-gbk.csv')
    expect(preview.samples.map((s) => `${s.field}:${s.header}`)).toEqual([
      'card:会员卡号',
      'name:会员姓名',
      'gender:性别',
      'phone:手机号码',
      'birthday:生日',
      'birthdayCalendar:生日类型',
      'memberSince:开卡日期',
      'posTier:会员等级',
      'points:可用积分',
      'storedValue:储值余额',
      'referrer:推荐人',
      'tags:标签',
      'remark:备注',
      'childName:宝宝姓名',
      'childBirthday:宝宝生日'
    ])
  })

  it('shows genders as stored, stored value in fen and an empty cell as erasing nothing', async () => {
    const { byField } = await samples('members-gbk.csv')
    // 女, 女士, 先生
    expect(byField.gender.values).toEqual([
      { type: 'gender', gender: 'f' },
      { type: 'gender', gender: 'f' },
      { type: 'gender', gender: 'm' }
    ])
    // 388.50, 0, 50
    expect(byField.storedValue.values).toEqual([
      { type: 'fen', fen: 38850 },
      { type: 'fen', fen: 0 },
      { type: 'fen', fen: 5000 }
    ])
    expect(byField.points.values).toEqual([
      { type: 'text', text: '1200' },
      { type: 'text', text: '350' },
      { type: 'text', text: '0' }
    ])
    expect(byField.referrer.values).toEqual([{ type: 'empty' }, { type: 'text', text: 'K001' }, { type: 'text', text: '13800138000' }])
    expect(byField.tags.values[0]).toEqual({ type: 'text', text: '常客、宝妈' })
  })

  it('shows a lunar birthday with the solar date it falls on this year', async () => {
    const { byField } = await samples('members-gbk.csv')
    // 1990-03-05 农历: lunar 2026 starts on 17 Feb, its third month on 17 Apr, so 初五 is 21 Apr;
    // 农历八月十五 (no year) is the 2026 Mid-Autumn Festival, 25 Sep; 1988-07-21 公历 stays as it is
    expect(byField.birthday.values).toEqual([
      { type: 'birthday', date: '1990-03-05', lunar: true, solarThisYear: '2026-04-21' },
      { type: 'birthday', date: '1988-07-21', lunar: false, solarThisYear: null },
      { type: 'birthday', date: '08-15', lunar: true, solarThisYear: '2026-09-25' }
    ])
    // the same list previewed in 2025: 初五 of the third month is 2 Apr 2025, 八月十五 is 6 Oct 2025
    const earlier = await samples('members-gbk.csv', {}, '2025-11-23')
    expect(earlier.byField.birthday.values.map((v) => (v.type === 'birthday' ? v.solarThisYear : v.type))).toEqual(['2025-04-02', null, '2025-10-06'])
  })

  it('shows the two children of one row paired by name and birthday', async () => {
    const { byField } = await samples('members-gbk.csv')
    expect(byField.childName.values).toEqual([
      {
        type: 'children',
        children: [
          { name: '小宝', birthday: '2022-05-06', gender: null },
          { name: '二宝', birthday: '2024-08-01', gender: null }
        ]
      },
      { type: 'empty' },
      { type: 'empty' }
    ])
  })

  it('shows nothing for a list read as sales', async () => {
    const { preview } = await samples('members-gbk.csv', { kind: 'sales' })
    expect(preview.kind).toBe('sales')
    expect(preview.samples).toEqual([])
  })
})

describe('the preview of a product list', () => {
  it('shows prices in fen, days per unit and an empty barcode', async () => {
    const { byField } = await samples('products.csv')
    expect(byField.productCode.values).toEqual([
      { type: 'text', text: 'P001' },
      { type: 'text', text: 'P002' },
      { type: 'text', text: 'P003' }
    ])
    expect(byField.barcode.values).toEqual([{ type: 'text', text: '6901234567890' }, { type: 'text', text: '6901234567891' }, { type: 'empty' }])
    // 零售价 268.00, 129.00, 19.90; 会员价 248.00, 119.00, 17.90
    expect(byField.unitPrice.values).toEqual([
      { type: 'fen', fen: 26800 },
      { type: 'fen', fen: 12900 },
      { type: 'fen', fen: 1990 }
    ])
    expect(byField.memberPrice.values).toEqual([
      { type: 'fen', fen: 24800 },
      { type: 'fen', fen: 11900 },
      { type: 'fen', fen: 1790 }
    ])
    expect(byField.daysPerUnit.values).toEqual([{ type: 'text', text: '20' }, { type: 'text', text: '15' }, { type: 'empty' }])
    expect(byField.category.values).toEqual([
      { type: 'text', text: '奶粉' },
      { type: 'text', text: '纸尿裤' },
      { type: 'text', text: '洗护' }
    ])
  })

  it('marks the field of a row the import would reject', async () => {
    const bytes = readFileSync(fixture('products.csv')).toString('utf8').replace('129.00,119.00', 'abc,119.00')
    const p = previewTable(null, await openTable(Buffer.from(bytes), {}), 'products.csv', {}, '2026-11-23')
    const price = p.samples.find((s) => s.field === 'unitPrice')!
    const name = p.samples.find((s) => s.field === 'productName')!
    expect(price.values[1]).toEqual({ type: 'rejected', reason: '无法识别的零售价 (unreadable price)' })
    expect(name.values[1]).toEqual({ type: 'skipped' })
  })
})
