/** The lock screen's and the settings card's small decisions, kept apart from the DOM so they can be tested. */

type KeyLike = Pick<KeyboardEvent, 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'code'>

/** Ctrl+L (⌘L on a Mac) locks now. */
export function isLockShortcut(e: KeyLike): boolean {
  return (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.code === 'KeyL'
}

/** Whether idle time has run out: never when idleMinutes is 0. */
export function idleExpired(lastActivityMs: number, nowMs: number, idleMinutes: number): boolean {
  return idleMinutes > 0 && nowMs - lastActivityMs >= idleMinutes * 60_000
}

export type PasscodeProblem = 'tooShort' | 'tooLong' | 'mismatch' | null

/** What is wrong with a new passcode and its repetition, before asking the app. */
export function checkNewPasscode(passcode: string, repeat: string): PasscodeProblem {
  if (passcode.length < 4) return 'tooShort'
  if (passcode.length > 32) return 'tooLong'
  if (passcode !== repeat) return 'mismatch'
  return null
}

/** The idle choices offered; a stored value outside them (set elsewhere) is still shown. */
export function idleChoices(current: number): number[] {
  const base = [1, 2, 5, 10, 15, 30, 60, 0]
  return base.includes(current) ? base : [...base.slice(0, -1), current, 0].sort((a, b) => (a === 0 ? 1 : b === 0 ? -1 : a - b))
}
