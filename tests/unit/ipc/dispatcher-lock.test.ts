import { describe, expect, it } from 'vitest'
import { channels } from '../../../shared/ipc-contract'
import { channelsOpenWhileLocked } from '../../../shared/schemas/lock'
import { createAppContext } from '../../../electron/services/app/app-context'
import { importDemoShop } from '../../../electron/services/demo/demo-import'
import { freshDb, testDispatch } from '../../helpers/db'

const LOCKED = { ok: false, code: 'LOCKED', key: 'appLocked', params: {}, message: '常青已锁定，请先输入密码 (Evergreen is locked; enter the passcode first)' }

/** a small demo shop, arriving as its export files do */
async function shop() {
  const db = freshDb()
  await importDemoShop(db, { customers: 12, seed: 3, asOf: '2026-11-23', importedAt: '2026-11-23T09:00:00' })
  const ctx = createAppContext(db, ':memory:', '0.0.0-test', '2026-11-23')
  return { db, ctx, dispatch: testDispatch(ctx) }
}

describe('the dispatcher while the app is locked', () => {
  it('refuses customer data with LOCKED until the right passcode, and answers again after', async () => {
    const { dispatch } = await shop()
    expect(await dispatch('lock.set', { passcode: '5678' })).toMatchObject({ ok: true, data: { enabled: true, locked: false } })
    expect(await dispatch('lock.lock', {})).toMatchObject({ ok: true, data: { locked: true } })

    expect(await dispatch('customers.list', {})).toEqual(LOCKED)
    // refused before parsing: a locked app does not even say what is wrong with the input
    expect(await dispatch('customers.list', { limit: 'many' })).toEqual(LOCKED)
    expect(await dispatch('settings.update', { staffName: 'x' })).toEqual(LOCKED)
    expect(await dispatch('lock.clear', { current: '5678' })).toEqual(LOCKED)

    // what the lock screen needs still answers
    expect(await dispatch('app.info', {})).toMatchObject({ ok: true, data: { today: '2026-11-23' } })
    expect(await dispatch('settings.get', {})).toMatchObject({ ok: true, data: { locale: 'zh-CN' } })
    expect(await dispatch('lock.unlock', { passcode: '0000' })).toMatchObject({ ok: true, data: { locked: true, wrong: true } })
    expect(await dispatch('customers.list', {})).toEqual(LOCKED)

    expect(await dispatch('lock.unlock', { passcode: '5678' })).toMatchObject({ ok: true, data: { locked: false, wrong: false } })
    const list = await dispatch('customers.list', {})
    expect(list.ok && (list.data as { total: number }).total).toBe(12)
  })

  it('starts locked when the database has a passcode, and never answers the hash', async () => {
    const { db, dispatch } = await shop()
    await dispatch('lock.set', { passcode: 'shop-pass' })
    const hash = JSON.parse(db.prepare("SELECT value FROM settings WHERE key = 'lock.passcode'").pluck().get() as string).hash as string
    const restarted = testDispatch(createAppContext(db, ':memory:', '0.0.0-test', '2026-11-23'))
    expect(await restarted('stats.summary', {})).toEqual(LOCKED)
    for (const channel of channelsOpenWhileLocked) {
      const input = channel === 'lock.unlock' ? { passcode: 'shop-pass' } : {}
      const r = await restarted(channel, input)
      expect(r.ok, channel).toBe(true)
      expect(JSON.stringify(r), channel).not.toContain(hash)
    }
  })

  it('opens only lock, app.info and settings.get while locked, all of them real channels', () => {
    expect(channelsOpenWhileLocked.every((c) => (channels as string[]).includes(c))).toBe(true)
    expect([...channelsOpenWhileLocked].sort()).toEqual(['app.info', 'lock.lock', 'lock.status', 'lock.unlock', 'settings.get'])
  })
})
