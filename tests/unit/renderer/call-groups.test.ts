/**
 * The calls page groups the day's rows by their heading reason; the groups follow the ranking, so
 * today's birthday (ranked first) heads the page instead of coming after every replenishment.
 * The rows are the ranked list of tests/integration/reminders/call-capacity.test.ts on 2026-07-21.
 */
import { describe, expect, it } from 'vitest'
import type { CallEntry, CallReason } from '../../../shared/schemas/reminders'
import { groupsInRankOrder } from '../../../renderer/src/stores/reminders'

const row = (name: string, reason: CallReason, score: number) => ({ key: `${reason}:${name}`, name, reason, score }) as unknown as CallEntry

describe('the calls page’s groups', () => {
  it('come in the ranking’s order: today’s birthday first, then the replenishments, then the slide', () => {
    const ranked = [row('李娜', 'birthday', 123), row('王芳', 'replenish', 98), row('陈静', 'replenish', 63), row('刘洋', 'slide', 38)]
    expect(groupsInRankOrder(ranked).map((g) => [g.reason, g.entries.map((e) => e.name)])).toEqual([
      ['birthday', ['李娜']],
      ['replenish', ['王芳', '陈静']],
      ['slide', ['刘洋']]
    ])
  })
  it('keeps a complaint ranked below a replenishment below it', () => {
    const ranked = [row('王芳', 'replenish', 98), row('张伟', 'complaint', 90)]
    expect(groupsInRankOrder(ranked).map((g) => g.reason)).toEqual(['replenish', 'complaint'])
  })
})
