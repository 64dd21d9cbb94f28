import { describe, expect, it } from 'vitest'
import { addressRegion, isMaskedAddress } from '../../../electron/services/customers/customer-address'

describe('isMaskedAddress', () => {
  it.each(['浙江省 杭州市 西湖区 ***', '浙江省杭州市西湖区文三路**号', '广东省深圳市南山区＊＊＊', '上海市浦东新区*'])('reads %s as masked', (a) => {
    expect(isMaskedAddress(a)).toBe(true)
  })
  it.each(['浙江省杭州市西湖区文三路12号', '北京市朝阳区建国路*1号楼', '', null])('reads %s as mailable text', (a) => {
    expect(isMaskedAddress(a)).toBe(false)
  })
})

describe('addressRegion', () => {
  it('reads the region from the text', () => {
    expect(addressRegion('宁波市鄞州区天童南路8号')).toEqual({ province: '浙江省', city: '宁波市', district: '鄞州区' })
  })
  it('takes a region the caller states, nulls included, over the parsed one', () => {
    expect(addressRegion('浙江省杭州市西湖区文三路1号', { province: '浙江省', city: null })).toEqual({ province: '浙江省', city: null, district: null })
  })
})
