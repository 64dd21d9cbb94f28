/**
 * The app lock's state: whether a passcode is set (in the database), whether this process is
 * locked now (in memory: a fresh start is locked whenever a passcode is set), and the wrong
 * guess throttle. Guesses are checked one at a time, so a burst of parallel guesses cannot
 * slip past the throttle while the first hash is still being computed.
 */
import type { Db } from '../../db/driver'
import { refuse } from '../../../shared/errors/refuse'
import type { LockStatus, UnlockResult } from '../../../shared/schemas/lock'
import { hashPasscode, passcodeMatches } from './passcode-hash'
import { GuessThrottle } from './guess-throttle'
import { deletePasscodeHash, readIdleMinutes, readPasscodeHash, writeIdleMinutes, writePasscodeHash } from './lock-store'

export interface AppLock {
  /** cheap: the dispatcher asks before every call */
  isLocked(): boolean
  status(): LockStatus
  set(input: { current?: string; passcode: string }): Promise<LockStatus>
  clear(input: { current: string }): Promise<LockStatus>
  unlock(passcode: string): Promise<UnlockResult>
  lock(): LockStatus
  setIdle(minutes: number): LockStatus
}

export interface AppLockClock {
  /** milliseconds, for the throttle's waits (a real clock even when the shop date is pinned) */
  ms: () => number
}

type Verdict = 'right' | 'wrong' | 'wait'

export function createAppLock(db: Db, clock: AppLockClock): AppLock {
  const throttle = new GuessThrottle(clock.ms)
  let locked = readPasscodeHash(db) !== null
  let queue: Promise<unknown> = Promise.resolve()

  /** Run guesses one after another. */
  function serial<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task, task)
    queue = run.catch(() => undefined)
    return run
  }

  function status(): LockStatus {
    const enabled = readPasscodeHash(db) !== null
    // a restore can take the passcode away while locked: no passcode, no lock
    if (!enabled) locked = false
    return { enabled, locked, idleMinutes: readIdleMinutes(db), retryAfterSeconds: throttle.retryAfterSeconds() }
  }

  /** Check a guess against the stored hash, unless a wait is running (the audit lines: shared/audit-specs.ts). */
  async function check(guess: string): Promise<Verdict> {
    if (throttle.retryAfterSeconds() > 0) return 'wait'
    const stored = readPasscodeHash(db)
    if (!stored) return 'right'
    if (await passcodeMatches(stored, guess)) {
      throttle.recordSuccess()
      return 'right'
    }
    throttle.recordFailure()
    return 'wrong'
  }

  /** set and clear need the current passcode: the same throttle guards them as the lock screen. */
  async function requireCurrent(current: string | undefined): Promise<void> {
    if (current === undefined) throw refuse('currentPasscodeRequired')
    const verdict = await check(current)
    if (verdict === 'wait') {
      throw refuse('passcodeThrottled', { seconds: throttle.retryAfterSeconds() })
    }
    if (verdict === 'wrong') throw refuse('currentPasscodeWrong')
  }

  return {
    isLocked: () => locked && readPasscodeHash(db) !== null,
    status,

    set: ({ current, passcode }) =>
      serial(async () => {
        const changing = readPasscodeHash(db) !== null
        if (changing) await requireCurrent(current)
        writePasscodeHash(db, await hashPasscode(passcode))
        return status()
      }),

    clear: ({ current }) =>
      serial(async () => {
        if (readPasscodeHash(db) === null) throw refuse('noPasscodeSet')
        await requireCurrent(current)
        deletePasscodeHash(db)
        locked = false
        return status()
      }),

    unlock: (passcode) =>
      serial(async () => {
        const verdict = await check(passcode)
        if (verdict === 'right') locked = false
        return { ...status(), wrong: verdict === 'wrong' }
      }),

    lock() {
      if (readPasscodeHash(db) === null) throw refuse('lockNeedsPasscode')
      locked = true
      return status()
    },

    setIdle(minutes) {
      writeIdleMinutes(db, minutes)
      return status()
    }
  }
}
