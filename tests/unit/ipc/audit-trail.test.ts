/**
 * The audit trail is written in one place: every channel of the contract is declared either as
 * reading only or with the line it leaves, the handlers of the latter are wrapped, and one call of
 * a changing channel leaves exactly one line while a reading one leaves none.
 */
import { describe, expect, it } from 'vitest'
import { auditedChannels, auditSpecs } from '../../../shared/audit-specs'
import { channels } from '../../../shared/ipc-contract'
import { testContext, testDispatch } from '../../helpers/db'

const auditCount = (ctx: ReturnType<typeof testContext>) => ctx.db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number

describe('the audit specs', () => {
  it('declare every channel of the contract, and no other, as reading or audited', () => {
    expect(Object.keys(auditSpecs).sort()).toEqual([...channels].sort())
  })

  it('audit every channel that changes the shop: imports, undo, customers, campaigns, calls, settings, backups, prints, demo, lock', () => {
    const audited = auditedChannels()
    for (const c of [
      'imports.start',
      'imports.commit',
      'imports.undo',
      'customers.update',
      'customers.erase',
      'customers.merge',
      'campaigns.plan',
      'campaigns.markMailed',
      'reminders.record',
      'reminders.undoOutcome',
      'settings.update',
      'backups.create',
      'backups.restore',
      'backups.createStart',
      'backups.restoreStart',
      'backups.exportAllStart',
      'backups.importAllStart',
      'printing.print',
      'printing.savePdf',
      'printing.printStart',
      'printing.savePdfStart',
      'printing.renderStart',
      'printing.render',
      'demo.load',
      'demo.remove',
      'demo.removeStart',
      'lock.set'
    ]) {
      expect(audited).toContain(c)
    }
    expect(audited).toHaveLength(58)
  })
})

describe('one call, one line', () => {
  it('writes exactly one line for a settings change, none for a read, none for a refused call', async () => {
    const ctx = testContext()
    const call = testDispatch(ctx)
    await call('settings.update', { staffName: '小周', maskPhones: false })
    expect(ctx.db.prepare('SELECT at, staff, action, detail FROM audit_log').all()).toEqual([
      { at: '2026-11-23T12:00:00', staff: '小周', action: 'settings', detail: 'staffName, maskPhones=false' }
    ])
    await call('settings.get', {})
    await call('customers.list', {})
    expect(await call('customers.erase', { id: 99, confirm: true })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await call('settings.update', { backupKeep: 0 })).toMatchObject({ ok: false, code: 'BAD_INPUT' })
    expect(auditCount(ctx)).toBe(1)
  })

  it('writes nothing for a dry-run campaign plan and one line for a saved one', async () => {
    const ctx = testContext()
    const call = testDispatch(ctx)
    await call('gifts.save', { sku: 'TEA', name: '茶', unitCostFen: 1500, stock: null, weightG: null, suits: [] })
    expect(auditCount(ctx)).toBe(1)
    const dry = await call('campaigns.plan', { target: { suggestion: 'sleeping' }, budgetFen: 10000, dryRun: true })
    expect(dry.ok).toBe(true)
    expect(auditCount(ctx)).toBe(1)
  })
})
