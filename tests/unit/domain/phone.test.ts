import { describe, expect, it } from 'vitest'
import { normalizePhone, phoneConcern } from '../../../shared/domain/phone'

describe('phoneConcern: what staff should hear about a phone before it is kept', () => {
  it('passes mainland mobiles, landlines with an area code and 400/800 numbers', () => {
    for (const typed of ['138 0013 8000', '+86 13800138000', '010-88886666', '0571-8888666', '0755 12345678', '400-820-8820']) {
      expect(phoneConcern(normalizePhone(typed)!)).toBeNull()
    }
  })
  it('counts the digits of a mobile with one missing or one too many', () => {
    expect(phoneConcern(normalizePhone('137 0000 111')!)).toEqual({ kind: 'mobileLength', digits: 10 })
    expect(phoneConcern('137000011112')).toEqual({ kind: 'mobileLength', digits: 12 })
  })
  it('flags a landline without its area code and a foreign number as not mainland', () => {
    expect(phoneConcern(normalizePhone('8888 6666')!)).toEqual({ kind: 'notMainland' })
    expect(phoneConcern(normalizePhone('+44 20 7946 0958')!)).toEqual({ kind: 'notMainland' })
  })
})
