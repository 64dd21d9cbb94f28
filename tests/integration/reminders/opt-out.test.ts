/**
 * 「不再联系」 on the call list (issue 18, point 6): it withdraws every channel the customer
 * allowed (phone, SMS, WeChat, mail), says so in the change history and the audit log, and can
 * be undone: undo puts back exactly the consents there were and the call back on the list.
 * Shop built from members-gbk.csv, products.csv and calls-sales.csv through the importer.
 */
import { describe, expect, it } from 'vitest'
import { testContext, testDispatch } from '../../helpers/db'
import { importFixture } from '../imports/helpers'
import { callList } from '../../../electron/services/reminders/call-list'

const DAY = '2026-07-21'
const consents = 'SELECT consent_phone AS phone, consent_sms AS sms, consent_wechat AS wechat, consent_mail AS mail FROM customers WHERE id = ?'

async function shopWithWang() {
  const ctx = testContext(DAY)
  for (const file of ['members-gbk.csv', 'products.csv', 'calls-sales.csv']) await importFixture(ctx.db, file)
  const wang = callList(ctx.db, DAY).entries.find((e) => e.name === '王芳')!
  // 王芳 had already said no to SMS: that one must stay withdrawn after the undo too
  ctx.db.prepare('UPDATE customers SET consent_sms = 0 WHERE id = ?').run(wang.customerId)
  return { ctx, call: testDispatch(ctx), wang }
}

describe('不再联系 from the call list', () => {
  it('withdraws every channel the customer allowed and records it in the history and the audit log', async () => {
    const { ctx, call, wang } = await shopWithWang()
    const r = await call('reminders.record', { customerId: wang.customerId, key: wang.key, outcome: 'opted_out' })
    expect(r).toMatchObject({ ok: true, data: { revoked: ['phone', 'wechat', 'mail'] } })
    expect(ctx.db.prepare(consents).get(wang.customerId)).toEqual({ phone: 0, sms: 0, wechat: 0, mail: 0 })
    expect(ctx.db.prepare('SELECT field, old_value, new_value FROM change_history WHERE customer_id = ? ORDER BY id').all(wang.customerId)).toEqual([
      { field: 'consentPhone', old_value: '1', new_value: '0' },
      { field: 'consentWechat', old_value: '1', new_value: '0' },
      { field: 'consentMail', old_value: '1', new_value: '0' }
    ])
    const audit = ctx.db.prepare("SELECT action, detail FROM audit_log WHERE action LIKE 'consent%'").all() as { action: string; detail: string }[]
    expect(audit).toEqual([{ action: 'consent-withdrawn', detail: `customer ${wang.customerId}: phone, wechat, mail (call list)` }])
    expect(callList(ctx.db, DAY).entries.some((e) => e.customerId === wang.customerId)).toBe(false)
  })

  it('is undone: exactly the previous consents come back, and the call returns to the list', async () => {
    const { ctx, call, wang } = await shopWithWang()
    const r = (await call('reminders.record', { customerId: wang.customerId, key: wang.key, outcome: 'opted_out' })) as { ok: true; data: { id: number } }
    const undo = await call('reminders.undoOptOut', { contactId: r.data.id })
    expect(undo).toMatchObject({ ok: true, data: { restored: ['phone', 'wechat', 'mail'] } })
    expect(ctx.db.prepare(consents).get(wang.customerId)).toEqual({ phone: 1, sms: 0, wechat: 1, mail: 1 })
    expect(callList(ctx.db, DAY).entries.find((e) => e.customerId === wang.customerId)?.key).toBe(wang.key)
    expect(ctx.db.prepare("SELECT action FROM audit_log WHERE action LIKE 'consent%' ORDER BY id").pluck().all()).toEqual([
      'consent-withdrawn',
      'consent-restored'
    ])
    expect(await call('reminders.undoOptOut', { contactId: r.data.id })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
      key: 'optOutNotFound',
      params: { id: r.data.id }
    })
  })

  it('refuses to undo an outcome that withdrew nothing', async () => {
    const { call, wang } = await shopWithWang()
    const r = (await call('reminders.record', { customerId: wang.customerId, key: wang.key, outcome: 'reached' })) as { ok: true; data: { id: number } }
    expect(await call('reminders.undoOptOut', { contactId: r.data.id })).toMatchObject({ ok: false, code: 'NOT_FOUND', key: 'optOutNotFound' })
  })
})
