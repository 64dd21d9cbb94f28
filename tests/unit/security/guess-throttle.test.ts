import { describe, expect, it } from 'vitest'
import { GuessThrottle, waitAfterFailures } from '../../../electron/services/security/guess-throttle'

describe('the wrong-guess throttle', () => {
  it('lets four wrong guesses through free, then waits 30 s doubling up to an hour', () => {
    const waits = Array.from({ length: 13 }, (_, i) => waitAfterFailures(i + 1))
    expect(waits).toEqual([0, 0, 0, 0, 30, 60, 120, 240, 480, 960, 1920, 3600, 3600])
  })

  it('counts the wait down on the clock it is given, in whole seconds rounded up', () => {
    let ms = 1_000_000
    const throttle = new GuessThrottle(() => ms)
    for (let i = 0; i < 4; i++) expect(throttle.recordFailure()).toEqual({ failures: i + 1, waitSeconds: 0 })
    expect(throttle.retryAfterSeconds()).toBe(0)
    expect(throttle.recordFailure()).toEqual({ failures: 5, waitSeconds: 30 })
    expect(throttle.retryAfterSeconds()).toBe(30)
    ms += 29_001
    expect(throttle.retryAfterSeconds()).toBe(1)
    ms += 999
    expect(throttle.retryAfterSeconds()).toBe(0)
    expect(throttle.recordFailure()).toEqual({ failures: 6, waitSeconds: 60 })
    throttle.recordSuccess()
    expect(throttle.retryAfterSeconds()).toBe(0)
    expect(throttle.recordFailure()).toEqual({ failures: 1, waitSeconds: 0 })
  })
})
