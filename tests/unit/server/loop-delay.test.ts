import { describe, expect, it } from 'vitest'
import { loopDelayDuring } from '../../helpers/loop-delay'

/** Holds this thread for `ms` without yielding, as a synchronous database call does. */
function holdFor(ms: number): void {
  const end = performance.now() + ms
  while (performance.now() < end) {
    // spin
  }
}

describe('the event-loop delay witness', () => {
  it('reports a loop held by 200 ms of synchronous work as held at least 200 ms', async () => {
    const d = await loopDelayDuring(async () => {
      holdFor(200)
      return 'done'
    })
    expect(d.value).toBe('done')
    expect(d.max).toBeGreaterThanOrEqual(190)
  })

  it('reports four holds chained by awaits, which never let the loop turn, as one hold of their sum', async () => {
    const d = await loopDelayDuring(async () => {
      for (let i = 0; i < 4; i++) await Promise.resolve(holdFor(60))
    })
    expect(d.max).toBeGreaterThanOrEqual(230)
  })
})
