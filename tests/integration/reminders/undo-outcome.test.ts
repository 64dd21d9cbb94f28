/**
 * A mis-click on 已联系 (or any outcome but 不再联系, which has its own undo) is taken back:
 * its contact-log line goes, the call returns to the list under the same key, and the audit log
 * says so. Shop built from members-gbk.csv, products.csv and calls-sales.csv through the importer.
 */
import { describe, expect, it } from 'vitest'
import { testContext, testDispatch } from '../../helpers/db'
import { importFixture } from '../imports/helpers'
import { callList } from '../../../electron/services/reminders/call-list'
import { formatError } from '../../../shared/errors/messages'

const DAY = '2026-07-21'

async function shopWithWang() {
  const ctx = testContext(DAY)
  for (const file of ['members-gbk.csv', 'products.csv', 'calls-sales.csv']) await importFixture(ctx.db, file)
  const wang = callList(ctx.db, DAY).entries.find((e) => e.name === '王芳')!
  return { ctx, call: testDispatch(ctx), wang }
}

describe('undoing a call outcome from the call list', () => {
  it('takes back 已联系: the contact-log line goes and the call is back on the list, with an audit line', async () => {
    const { ctx, call, wang } = await shopWithWang()
    const r = (await call('reminders.record', { customerId: wang.customerId, key: wang.key, outcome: 'reached' })) as { ok: true; data: { id: number } }
    expect(callList(ctx.db, DAY).entries.some((e) => e.customerId === wang.customerId)).toBe(false)
    const undo = await call('reminders.undoOutcome', { contactId: r.data.id })
    expect(undo).toEqual({ ok: true, data: { customerId: wang.customerId, outcome: 'reached' } })
    expect(ctx.db.prepare("SELECT COUNT(*) FROM contact_log WHERE kind = 'call'").pluck().get()).toBe(0)
    expect(callList(ctx.db, DAY).entries.find((e) => e.customerId === wang.customerId)?.key).toBe(wang.key)
    expect(ctx.db.prepare("SELECT detail FROM audit_log WHERE action = 'call' ORDER BY id").pluck().all()).toEqual([
      `customer ${wang.customerId}: reached (call ${r.data.id})`,
      `customer ${wang.customerId}: reached undone (call ${r.data.id})`
    ])
  })

  it('refuses a second undo, and leaves a 不再联系 to its own undo (its consents must come back too)', async () => {
    const { call, wang } = await shopWithWang()
    const r = (await call('reminders.record', { customerId: wang.customerId, key: wang.key, outcome: 'no_answer' })) as { ok: true; data: { id: number } }
    expect(await call('reminders.undoOutcome', { contactId: r.data.id })).toMatchObject({ ok: true })
    const again = await call('reminders.undoOutcome', { contactId: r.data.id })
    expect(again).toMatchObject({ ok: false, code: 'NOT_FOUND', key: 'callOutcomeNotFound', params: { id: r.data.id } })
    if (!again.ok) expect(formatError('callOutcomeNotFound', again.params!, 'zh-CN')).toBe(`没有可撤销的回访记录：#${r.data.id}`)
    const out = (await call('reminders.record', { customerId: wang.customerId, key: wang.key, outcome: 'opted_out' })) as { ok: true; data: { id: number } }
    expect(await call('reminders.undoOutcome', { contactId: out.data.id })).toMatchObject({ ok: false, key: 'callOutcomeNotFound' })
  })
})
