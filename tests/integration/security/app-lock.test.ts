/**
 * The app lock service on a real database with a hand-driven clock: what is stored, how the
 * throttle answers wrong guesses second by second, and that changing or removing the
 * passcode needs the current one.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openNodeDatabase } from '../../../electron/services/app/open-node-database'
import { runCli } from '../../../electron/cli/run-cli'
import { createAppLock } from '../../../electron/services/security/app-lock'
import { listAudit } from '../../../electron/services/audit/audit-log'
import { readSettings } from '../../../electron/services/settings/settings-service'
import type { Db } from '../../../electron/db/driver'
import { formatError } from '../../../shared/errors/messages'
import type { ErrorKey, ErrorParams } from '../../../shared/errors/catalogue'
import { freshDb, testContext, testDispatch } from '../../helpers/db'

function setup(db: Db = freshDb()) {
  const clock = { t: 5_000_000 }
  const lock = createAppLock(db, { ms: () => clock.t })
  return { db, clock, lock }
}

/** The same lock behind the contract, as the lock screen and settings call it: the audit trail is written there. */
function throughContract() {
  const { db, clock, lock } = setup()
  const call = testDispatch({ ...testContext('2026-11-23', db), lock })
  const data = async <T>(channel: string, input: unknown): Promise<T> => {
    const r = await call(channel, input)
    if (!r.ok) throw Object.assign(new Error(r.message), { code: r.code, key: r.key, params: r.params })
    return r.data as T
  }
  return { db, clock, lock, data, call }
}

const settingsRows = (db: Db) => db.prepare('SELECT key, value FROM settings ORDER BY key').all() as { key: string; value: string }[]

describe('the app passcode', () => {
  it('is stored only as a salted scrypt hash, and the same passcode twice gives two different hashes', async () => {
    const { db, lock } = setup()
    await lock.set({ passcode: '24682468' })
    const rows = settingsRows(db)
    expect(rows.map((r) => r.key)).toEqual(['lock.passcode'])
    expect(rows[0].value).not.toContain('24682468')
    const first = JSON.parse(rows[0].value) as Record<string, unknown>
    expect(Object.keys(first).sort()).toEqual(['N', 'algo', 'hash', 'p', 'r', 'salt'])
    expect(first).toMatchObject({ algo: 'scrypt', N: 32768, r: 8, p: 1 })
    expect(Buffer.from(first.salt as string, 'base64')).toHaveLength(16)
    expect(Buffer.from(first.hash as string, 'base64')).toHaveLength(32)

    await lock.set({ current: '24682468', passcode: '24682468' })
    const second = JSON.parse(settingsRows(db)[0].value) as Record<string, unknown>
    expect(second.salt).not.toBe(first.salt)
    expect(second.hash).not.toBe(first.hash)
  })

  it('stays out of the settings and the status', async () => {
    const { db, lock } = setup()
    await lock.set({ passcode: 'tea-shop-1' })
    const stored = settingsRows(db)[0].value
    expect(JSON.stringify(readSettings(db))).not.toContain(JSON.parse(stored).hash)
    expect(Object.keys(readSettings(db))).not.toContain('lock.passcode')
    expect(lock.status()).toEqual({ enabled: true, locked: false, idleMinutes: 10, retryAfterSeconds: 0 })
  })

  it('locks a fresh start when one is set, and not before', async () => {
    const db = freshDb()
    expect(setup(db).lock.status()).toEqual({ enabled: false, locked: false, idleMinutes: 10, retryAfterSeconds: 0 })
    await setup(db).lock.set({ passcode: '1357' })
    const restarted = setup(db).lock
    expect(restarted.isLocked()).toBe(true)
    expect(await restarted.unlock('1357')).toEqual({ enabled: true, locked: false, idleMinutes: 10, retryAfterSeconds: 0, wrong: false })
    expect(restarted.isLocked()).toBe(false)
  })

  it("says how long to wait in the reader's language when too many wrong current passcodes were given", async () => {
    const { data } = throughContract()
    await data('lock.set', { passcode: 'right-one' })
    for (let i = 0; i < 5; i++) await data('lock.clear', { current: 'nope' }).catch(() => undefined)
    const e = (await data('lock.clear', { current: 'right-one' }).catch((x: unknown) => x)) as { key: ErrorKey; params: ErrorParams }
    expect(formatError(e.key, e.params, 'zh-CN')).toBe('密码错误次数过多，请 30 秒后再试')
    expect(formatError(e.key, e.params, 'en')).toBe('too many wrong passcodes; try again in 30 s')
  })

  it('cannot lock without a passcode', () => {
    const { lock } = setup()
    expect(() => lock.lock()).toThrow(expect.objectContaining({ code: 'CONFLICT', key: 'lockNeedsPasscode' }))
    expect(lock.isLocked()).toBe(false)
  })

  it('answers wrong guesses with exact waits: four free, then 30 s, then 60 s, and checks nothing meanwhile; each guess is one audit line', async () => {
    const { db, clock, lock, data } = throughContract()
    const unlock = (passcode: string) => data('lock.unlock', { passcode })
    await data('lock.set', { passcode: '8642' })
    await data('lock.lock', {})
    for (let i = 0; i < 4; i++) expect(await unlock('0000')).toMatchObject({ locked: true, wrong: true, retryAfterSeconds: 0 })
    expect(await unlock('0000')).toMatchObject({ locked: true, wrong: true, retryAfterSeconds: 30 })

    // the right passcode during the wait is not even checked
    clock.t += 10_000
    expect(await unlock('8642')).toMatchObject({ locked: true, wrong: false, retryAfterSeconds: 20 })
    clock.t += 19_500
    expect(lock.status().retryAfterSeconds).toBe(1)
    clock.t += 500
    expect(lock.status().retryAfterSeconds).toBe(0)

    expect(await unlock('1111')).toMatchObject({ locked: true, wrong: true, retryAfterSeconds: 60 })
    clock.t += 60_000
    expect(await unlock('2222')).toMatchObject({ locked: true, wrong: true, retryAfterSeconds: 120 })
    clock.t += 120_000
    expect(await unlock('8642')).toEqual({ enabled: true, locked: false, idleMinutes: 10, retryAfterSeconds: 0, wrong: false })

    // a right guess starts the count again
    await data('lock.lock', {})
    expect(await unlock('0000')).toMatchObject({ wrong: true, retryAfterSeconds: 0 })

    const audit = listAudit(db, 50, 0).rows.map((r) => `${r.action}: ${r.detail}`)
    expect(audit).toEqual([
      'unlock-failed: wrong passcode',
      'lock: app locked',
      'unlock: app unlocked',
      'unlock-failed: wrong passcode; next try in 120 s',
      'unlock-failed: wrong passcode; next try in 60 s',
      'unlock-failed: passcode not checked: too many wrong ones, wait 20 s',
      'unlock-failed: wrong passcode; next try in 30 s',
      ...Array(4).fill('unlock-failed: wrong passcode'),
      'lock: app locked',
      'passcode-set: app passcode set'
    ])
    expect(JSON.stringify(audit)).not.toMatch(/8642|0000|1111|2222/)
  })

  it('checks a burst of parallel guesses one at a time, so the wait applies from the fifth', async () => {
    const { lock } = setup()
    await lock.set({ passcode: 'abcd' })
    lock.lock()
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => lock.unlock(`wrong${i}`)))
    expect(answers.map((a) => a.wrong)).toEqual([true, true, true, true, true, false, false, false])
    expect(answers.map((a) => a.retryAfterSeconds)).toEqual([0, 0, 0, 0, 30, 30, 30, 30])
  })

  it('changes only with the current passcode, and a wrong current one counts as a wrong guess', async () => {
    const { lock } = setup()
    await lock.set({ passcode: 'first-code' })
    await expect(lock.set({ passcode: 'second-code' })).rejects.toMatchObject({ code: 'BAD_INPUT', key: 'currentPasscodeRequired' })
    await expect(lock.set({ current: 'not-it', passcode: 'second-code' })).rejects.toMatchObject({ code: 'FORBIDDEN', key: 'currentPasscodeWrong' })
    lock.lock()
    expect(await lock.unlock('second-code')).toMatchObject({ wrong: true, locked: true })
    expect(await lock.unlock('first-code')).toMatchObject({ wrong: false, locked: false })

    await lock.set({ current: 'first-code', passcode: 'second-code' })
    lock.lock()
    expect(await lock.unlock('first-code')).toMatchObject({ wrong: true, locked: true })
    expect(await lock.unlock('second-code')).toMatchObject({ wrong: false, locked: false })
  })

  it('is removed only with the current passcode, leaving an audit line without it', async () => {
    const { db, clock, lock, data } = throughContract()
    await data('lock.set', { passcode: 'clear-me' })
    for (let i = 0; i < 5; i++) await expect(data('lock.clear', { current: 'nope' })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(data('lock.clear', { current: 'clear-me' })).rejects.toMatchObject({ code: 'FORBIDDEN', key: 'passcodeThrottled', params: { seconds: 30 } })
    expect(lock.status().enabled).toBe(true)
    clock.t += 30_000
    expect(await data('lock.clear', { current: 'clear-me' })).toEqual({ enabled: false, locked: false, idleMinutes: 10, retryAfterSeconds: 0 })
    expect(settingsRows(db)).toEqual([])
    await expect(data('lock.clear', { current: 'clear-me' })).rejects.toMatchObject({ code: 'CONFLICT', key: 'noPasscodeSet' })
    const actions = listAudit(db, 50, 0).rows.map((r) => `${r.action}: ${r.detail}`)
    // the refusal with no passcode set (CONFLICT) guessed nothing and leaves no line
    expect(actions).toEqual([
      'passcode-clear: app passcode removed',
      ...Array(6).fill('unlock-failed: current passcode refused'),
      'passcode-set: app passcode set'
    ])
    expect(JSON.stringify(actions)).not.toMatch(/clear-me|nope/)
  })

  it('keeps the idle minutes, 10 until chosen and 0 for never', async () => {
    const db = freshDb()
    const { lock } = setup(db)
    expect(lock.status().idleMinutes).toBe(10)
    expect(lock.setIdle(0).idleMinutes).toBe(0)
    expect(setup(db).lock.status().idleMinutes).toBe(0)
    expect(lock.setIdle(3).idleMinutes).toBe(3)
  })
})

describe('a forgotten passcode', () => {
  it('is removed by `passcode-reset` with the database file, leaving an audit line', async () => {
    const dbPath = join(mkdtempSync(join(tmpdir(), 'eg-lock-')), 'shop.db')
    const db = openNodeDatabase(dbPath)
    await setup(db).lock.set({ passcode: 'forgotten' })
    const running = setup(db).lock
    expect(running.isLocked()).toBe(true)

    let stdout = ''
    const io = { stdout: (s: string) => (stdout += s), stderr: () => {}, env: {}, version: '0.0.0-test' }
    expect(await runCli(['passcode-reset', '--db', dbPath, '--as-of', '2026-11-23', '--json'], io)).toBe(0)
    expect(JSON.parse(stdout)).toEqual({ removed: true })
    // the running app sees it at once: no passcode, no lock
    expect(running.isLocked()).toBe(false)
    expect(running.status()).toMatchObject({ enabled: false, locked: false })
    expect(listAudit(db, 1, 0).rows[0]).toMatchObject({ action: 'passcode-clear', detail: 'app passcode removed from the command line' })

    stdout = ''
    expect(await runCli(['passcode-reset', '--db', dbPath, '--json'], io)).toBe(0)
    expect(JSON.parse(stdout)).toEqual({ removed: false })
    db.close()
  })
})
