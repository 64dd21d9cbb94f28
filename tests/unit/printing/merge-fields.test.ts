import { describe, expect, it } from 'vitest'
import { fieldsIn, mergeText } from '../../../electron/services/printing/merge-fields'

describe('merge fields', () => {
  it('fills every known field', () => {
    expect(mergeText('亲爱的{{称呼}}，您的{{ 会员等级 }}积分已到账', { 称呼: '王女士', 会员等级: '金卡会员' })).toEqual({
      text: '亲爱的王女士，您的金卡会员积分已到账',
      empty: [],
      unknown: []
    })
  })

  it('merges a missing field as empty and names it once', () => {
    expect(mergeText('{{姓名}} {{地址}} / {{地址}}', { 姓名: '李雷', 地址: null })).toEqual({ text: '李雷  / ', empty: ['地址'], unknown: [] })
    expect(mergeText('{{上次购买}}', { 上次购买: '   ' }).empty).toEqual(['上次购买'])
  })

  it('reports braces that name no field', () => {
    expect(mergeText('{{昵称}}好', {})).toEqual({ text: '好', empty: [], unknown: ['昵称'] })
  })

  it('lists the fields a text uses', () => {
    expect(fieldsIn('{{姓名}}{{手机}}{{姓名}}')).toEqual(['姓名', '手机'])
  })
})

describe('the merge-field list the designer offers', () => {
  it('names exactly the fields the merge knows', async () => {
    const { mergeFieldNames: shared } = await import('../../../shared/schemas/printing')
    const { mergeFieldNames: service } = await import('../../../electron/services/printing/merge-fields')
    expect([...shared]).toEqual(service)
  })
})
