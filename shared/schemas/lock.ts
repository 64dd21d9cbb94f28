/**
 * The app lock: an optional passcode, asked for at start and after idle time. The lock is
 * enforced by the dispatcher (every channel but the few below answers LOCKED), not only by
 * the lock screen; the passcode itself is never sent back, only whether one is set.
 */
import { z } from 'zod'
import { NoInput } from './common'

/** 4–32 characters, no control characters (they cannot be typed and would hide in a paste). */
export const Passcode = z
  .string()
  .min(4, { message: '密码至少 4 个字符 (at least 4 characters)' })
  .max(32, { message: '密码最多 32 个字符 (at most 32 characters)' })
  .refine((s) => ![...s].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f), { message: '密码不能含控制字符 (no control characters)' })

/** Minutes without keyboard or mouse before the app locks itself; 0 = never. */
export const IdleMinutes = z.number().int().min(0).max(240)
export const defaultIdleMinutes = 10

export const LockStatus = z.object({
  /** a passcode is set */
  enabled: z.boolean(),
  locked: z.boolean(),
  idleMinutes: IdleMinutes,
  /** > 0 after too many wrong guesses: no guess is checked until then */
  retryAfterSeconds: z.number().int().min(0)
})
export type LockStatus = z.infer<typeof LockStatus>

export const UnlockResult = LockStatus.extend({
  /** the guess was checked and was wrong (false when it was not checked because of a wait) */
  wrong: z.boolean()
})
export type UnlockResult = z.infer<typeof UnlockResult>

export const lockChannels = {
  /** Whether a passcode is set, whether the app is locked now, the idle minutes, any wait. */
  'lock.status': { input: NoInput, output: LockStatus },
  /** Set a passcode, or change it (then `current` is required). Does not lock. */
  'lock.set': { input: z.object({ current: Passcode.optional(), passcode: Passcode }).strict(), output: LockStatus },
  /** Remove the passcode; needs the current one. */
  'lock.clear': { input: z.object({ current: Passcode }).strict(), output: LockStatus },
  /** Try a passcode on the lock screen. */
  'lock.unlock': { input: z.object({ passcode: Passcode }).strict(), output: UnlockResult },
  /** Lock now (the lock button, Ctrl+L, idle time). Refused when no passcode is set. */
  'lock.lock': { input: NoInput, output: LockStatus },
  /** Minutes of no activity before locking; 0 = never. */
  'lock.setIdle': { input: z.object({ minutes: IdleMinutes }).strict(), output: LockStatus }
}

/**
 * What still answers while locked: the lock screen's own calls, and what the shell needs to
 * paint it (the version, and the settings for the language). Everything else is LOCKED.
 */
export const channelsOpenWhileLocked: readonly string[] = ['lock.status', 'lock.unlock', 'lock.lock', 'app.info', 'settings.get']
