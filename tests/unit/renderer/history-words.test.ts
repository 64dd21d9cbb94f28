import { describe, expect, it } from 'vitest'
import customers from '../../../renderer/src/i18n/messages/customers'
import { historyFieldKey, historyNewText, historyValueText, type Translate } from '../../../renderer/src/components/customers/history-words'

// the real message files, so a missing word fails here rather than showing a key on screen
type Tree = { [key: string]: string | Tree }
function translator(locale: 'zh-CN' | 'en'): Translate {
  return (key, params = {}) => {
    let node: string | Tree | undefined = customers[locale] as Tree
    for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined
    if (typeof node !== 'string') throw new Error(`no message ${key}`)
    return node.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name]))
  }
}
const zh = translator('zh-CN')
const en = translator('en')

describe('change history in words staff read', () => {
  it('reads the call list’s consent_phone 1 → 0 as phone consent allowed → opted out', () => {
    const field = historyFieldKey('consent_phone')
    expect(zh(`customer.field.${field}`)).toBe('电话许可')
    expect([historyValueText('consent_phone', '1', zh), historyValueText('consent_phone', '0', zh)]).toEqual(['允许', '已拒绝'])
    expect([historyValueText('consentPhone', '1', en), historyValueText('consentPhone', '0', en)]).toEqual(['allowed', 'opted out'])
  })
  it('lists tags by name instead of JSON, and says when there were none', () => {
    expect(historyValueText('tags', '["喜欢新品","敏感肌"]', zh)).toBe('喜欢新品、敏感肌')
    expect(historyValueText('tags', '["喜欢新品","敏感肌"]', en)).toBe('喜欢新品, 敏感肌')
    expect(historyValueText('tags', '[]', zh)).toBe('（无标签）')
  })
  it('says yes/no, lunar/solar, female/male, money in yuan and the referrer as a customer number', () => {
    expect(historyValueText('targeted', '1', zh)).toBe('是')
    expect(historyValueText('birthdayLunar', '0', zh)).toBe('公历')
    expect(historyValueText('gender', 'f', zh)).toBe('女')
    expect(historyValueText('gender', 'm', en)).toBe('Male')
    expect(historyValueText('storedValueFen', '12345', zh)).toBe('¥123.45')
    expect(historyValueText('referredBy', '17', zh)).toBe('顾客 #17')
  })
  it('reads a children edit as the children staff typed, what was added and what was removed, instead of JSON', () => {
    const before = '[{"name":"小宝","birthday":"2025-03-01","gender":"m"}]'
    const after = '[{"name":null,"birthday":"2026-01-02","gender":"f"},{"name":"二宝","birthday":null,"gender":null}]'
    expect(zh(`customer.field.${historyFieldKey('children')}`)).toBe('孩子')
    expect(historyValueText('children', before, zh)).toBe('小宝 男 2025-03-01')
    expect(historyValueText('children', after, zh)).toBe('未填名字 女 2026-01-02；二宝')
    expect(historyValueText('children', '[]', zh)).toBe('（无孩子）')
    expect(historyNewText('children', before, after, zh)).toBe('添加 未填名字 女 2026-01-02；二宝；移除 小宝 男 2025-03-01')
    expect(historyNewText('children', '[]', before, en)).toBe('added 小宝 Male 2025-03-01')
    expect(historyNewText('children', before, '[]', zh)).toBe('移除 小宝 男 2025-03-01')
  })
  it('counts twins with the same name and birthday as two children: adding the second says so', () => {
    const one = '[{"name":"小宝","birthday":"2025-03-01","gender":"m"}]'
    const two = '[{"name":"小宝","birthday":"2025-03-01","gender":"m"},{"name":"小宝","birthday":"2025-03-01","gender":"m"}]'
    expect(historyNewText('children', one, two, zh)).toBe('添加 小宝 男 2025-03-01')
  })
  it('shows any other field’s new side as its value, and a children value that is not a list as written', () => {
    expect(historyNewText('tags', '[]', '["敏感肌"]', zh)).toBe('敏感肌')
    expect(historyNewText('children', 'oops', '[]', zh)).toBe('（无孩子）')
    expect(historyValueText('children', 'oops', zh)).toBe('oops')
  })
  it('keeps plain text as written and shows nothing-there as a dash', () => {
    expect(historyValueText('address', '浙江省杭州市西湖区文三路 1 号', zh)).toBe('浙江省杭州市西湖区文三路 1 号')
    expect(historyValueText('notes', null, zh)).toBe('—')
    expect(historyValueText('tags', 'not json', zh)).toBe('not json')
  })
  it('has a label in both languages for every field the edit form and member lists write', () => {
    for (const field of [
      'name',
      'gender',
      'birthday',
      'birthdayLunar',
      'ageBand',
      'address',
      'notes',
      'phone',
      'memberCard',
      'tags',
      'referredBy',
      'targeted',
      'consentPhone',
      'consentSms',
      'consentWechat',
      'consentMail',
      'memberSince',
      'posTier',
      'pointsBalance',
      'storedValueFen',
      'children'
    ]) {
      expect(zh(`customer.field.${field}`)).not.toBe('')
      expect(en(`customer.field.${field}`)).not.toBe('')
    }
  })
})
