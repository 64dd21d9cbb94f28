import { describe, expect, it } from 'vitest'
import { testContext, testDispatch } from '../../helpers/db'
import { seedCustomers } from './seed'
import { mobileLengthSlip } from '../../../shared/domain/phone'
import { formatError } from '../../../shared/errors/messages'

function shop() {
  const ctx = testContext('2026-11-23')
  const ids = seedCustomers(ctx.db, [
    {
      identities: [
        { kind: 'card', value: 'VIP001' },
        { kind: 'phone', value: '13812348000' }
      ],
      name: '王静'
    }
  ])
  return { ids, call: testDispatch(ctx) }
}

describe('a phone typed on the customer file', () => {
  it('refuses a 10-digit mobile number and says how many digits it has', async () => {
    const { ids, call } = shop()
    const r = await call('customers.update', { id: ids[0], patch: { phone: '1381234800' } })
    expect(r).toMatchObject({ ok: false, code: 'BAD_INPUT', key: 'mobileDigitsWrong', params: { digits: 10, phone: '1381234800' } })
    if (!r.ok) {
      expect(formatError('mobileDigitsWrong', r.params!, 'zh-CN')).toBe('手机号应为 11 位，这里是 10 位：1381234800')
      expect(formatError('mobileDigitsWrong', r.params!, 'en')).toBe('a mobile number has 11 digits, this one has 10: 1381234800')
    }
  })

  it('refuses a 12-digit mobile number too', async () => {
    const { ids, call } = shop()
    expect(await call('customers.update', { id: ids[0], patch: { phone: '138123480001' } })).toMatchObject({
      ok: false,
      code: 'BAD_INPUT',
      key: 'mobileDigitsWrong',
      params: { digits: 12 }
    })
  })

  it('still keeps an 11-digit mobile, a landline with its area code and a foreign number', async () => {
    const { ids, call } = shop()
    for (const phone of ['13700001111', '021-6488 1234', '+44 20 7946 0958']) {
      expect(await call('customers.update', { id: ids[0], patch: { phone } })).toMatchObject({ ok: true })
    }
  })
})

describe('mobileLengthSlip', () => {
  it('names the length of a number that starts like a mobile but is not 11 digits', () => {
    expect([mobileLengthSlip('1381234800'), mobileLengthSlip('13812348000'), mobileLengthSlip('02164881234'), mobileLengthSlip('+442079460958')]).toEqual([
      10,
      null,
      null,
      null
    ])
  })
})
