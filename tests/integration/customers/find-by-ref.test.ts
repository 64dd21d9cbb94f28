import { describe, expect, it } from 'vitest'
import { freshDb } from '../../helpers/db'
import { findCustomerByRef } from '../../../electron/services/customers/find-by-ref'
import { seedCustomers } from './seed'

describe('findCustomerByRef', () => {
  function shop() {
    const db = freshDb()
    const [a, b] = seedCustomers(db, [
      {
        identities: [
          { kind: 'card', value: 'VIP001' },
          { kind: 'phone', value: '13812348000' }
        ],
        name: '王静'
      },
      {
        identities: [
          { kind: 'buyer', value: 'tb_wang' },
          { kind: 'external', value: 'EXT-9' }
        ],
        name: '李娜'
      }
    ])
    return { db, a, b }
  }

  it.each([
    ['VIP001', 'card'],
    ['ＶＩＰ００１', 'card'],
    ['138 1234 8000', 'phone'],
    ['+86-138-1234-8000', 'phone'],
    [" '13812348000 ", 'phone']
  ])('finds the first customer by %s through the %s identity', (ref, kind) => {
    const { db, a } = shop()
    expect(findCustomerByRef(db, ref)).toMatchObject({ customerId: a, kind })
  })

  it('finds a customer by buyer id and by external id', () => {
    const { db, b } = shop()
    expect(findCustomerByRef(db, 'tb_wang')).toEqual({ customerId: b, kind: 'buyer', value: 'tb_wang' })
    expect(findCustomerByRef(db, 'EXT-9')).toEqual({ customerId: b, kind: 'external', value: 'EXT-9' })
  })

  it('answers null for an unknown or empty ref', () => {
    const { db } = shop()
    expect(findCustomerByRef(db, 'VIP999')).toBeNull()
    expect(findCustomerByRef(db, '   ')).toBeNull()
  })

  it('answers the keeper for a customer merged into another', () => {
    const { db, a, b } = shop()
    db.prepare('UPDATE customers SET merged_into = ? WHERE id = ?').run(a, b)
    expect(findCustomerByRef(db, 'tb_wang')?.customerId).toBe(a)
  })
})
