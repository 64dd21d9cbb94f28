/**
 * Wrong-guess throttling: the first few wrong passcodes cost nothing (typos happen); from the
 * fifth in a row on, each one imposes a wait, 30 s doubling up to an hour. Kept in memory: a
 * restart resets it, but whoever can restart the app can also copy the database file.
 * The clock is passed in (milliseconds) so tests can walk through the waits exactly.
 */
export const freeGuesses = 4
export const firstWaitSeconds = 30
export const longestWaitSeconds = 3600

/** The wait after `failures` wrong guesses in a row: 0,0,0,0,30,60,120,… capped at an hour. */
export function waitAfterFailures(failures: number): number {
  if (failures <= freeGuesses) return 0
  return Math.min(firstWaitSeconds * 2 ** (failures - freeGuesses - 1), longestWaitSeconds)
}

export class GuessThrottle {
  private failures = 0
  private retryAtMs = 0

  constructor(private readonly clock: () => number) {}

  /** Whole seconds until the next guess is checked; 0 = now. */
  retryAfterSeconds(): number {
    return Math.max(0, Math.ceil((this.retryAtMs - this.clock()) / 1000))
  }

  /** Count a wrong guess; answers the wait it imposes (0 while still within the free guesses). */
  recordFailure(): { failures: number; waitSeconds: number } {
    this.failures++
    const waitSeconds = waitAfterFailures(this.failures)
    this.retryAtMs = this.clock() + waitSeconds * 1000
    return { failures: this.failures, waitSeconds }
  }

  recordSuccess(): void {
    this.failures = 0
    this.retryAtMs = 0
  }
}
