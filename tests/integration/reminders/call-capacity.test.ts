/**
 * A call list a shop can work through (issue 18, point 4), on a shop built only from its files:
 * the member list members-gbk.csv (birthdays), the product list products.csv (days per unit) and
 * the counter export calls-sales.csv, all through the importer. On 2026-07-21 (lead 5 days,
 * grace 7, missed after 14):
 * - 李娜 K002: birthday today (07-21, urgency 100) and one 20-day can of 婴儿奶粉一段 of 07-01
 *   running out today (70) → 100 + 5 + value 18 = 123;
 * - 王芳 K001: two 15-day packs of 纸尿裤M码 of 06-20, out 07-20, one day ago (68) + value 30 = 98;
 * - 陈静 K005: one can of 07-06, out 07-26, due today (70 − 5×5 = 45) + value 18 = 63;
 * - 刘洋 K006: last bought 04-24, 88 days ago, slides to silent in 3 days (50 − 12 = 38) + 0 = 38;
 * - missed: 张伟 K003's 12-day 米粉 of 06-25 ran out 07-07, its last day 07-14 (grace); the
 *   phone-only buyer 13300133000 (last bought 04-17, 95 days ago) slid to silent on 07-17.
 * Value over the 365 days to 07-21: 刘洋 17.90, 13300133000 35.80, 张伟 45, 李娜 248, 陈静 248,
 * 王芳 1537 → 30 × (customers who spent less) / 5 = 0, 6, 12, 18, 18, 30.
 */
import { describe, expect, it } from 'vitest'
import { cliJson, withShopFile } from '../../helpers/cli'
import { testContext, testDispatch } from '../../helpers/db'
import { importFixture } from '../imports/helpers'
import { callList } from '../../../electron/services/reminders/call-list'
import { updateCareSettings } from '../../../electron/services/reminders/care-settings'
import { updateSettings } from '../../../electron/services/settings/settings-service'
import type { Db } from '../../../electron/db/driver'
import { birthdayUrgency, callScore, COMPLAINT_URGENCY, replenishUrgency, slideUrgency } from '../../../electron/services/reminders/call-ranking'
import type { CallList } from '../../../shared/schemas/reminders'

const DAY = '2026-07-21'

async function shop(db: Db): Promise<void> {
  for (const file of ['members-gbk.csv', 'products.csv', 'calls-sales.csv']) {
    const r = await importFixture(db, file)
    expect(r.errors.filter((e) => file !== 'members-gbk.csv' || e.value !== '2月30日')).toEqual([])
  }
}

const rows = (l: CallList) => l.entries.map((e) => [e.name ?? e.phone, e.score, e.reasons.map((r) => r.reason)])

describe('a call list a shop can work through', () => {
  it('ranks one row per customer: today’s birthday first, then by urgency and value', async () => {
    const ctx = testContext(DAY)
    await shop(ctx.db)
    const list = callList(ctx.db, DAY)
    expect(rows(list)).toEqual([
      ['李娜', 123, ['birthday', 'replenish']],
      ['王芳', 98, ['replenish']],
      ['陈静', 63, ['replenish']],
      ['刘洋', 38, ['slide']]
    ])
    expect(list.entries.map((e) => e.valueFen)).toEqual([24800, 129900 + 23800, 24800, 1790])
    expect(list).toMatchObject({ total: 4, capacity: 30, all: false, counts: { birthday: 1, replenish: 3, slide: 1, complaint: 0 } })
    const li = list.entries[0]
    expect(li.reasons.map((r) => [r.key.split(':')[0], r.dueDate, r.lastDay, r.urgency])).toEqual([
      ['birthday', DAY, DAY, 100],
      ['replenish', '2026-07-16', '2026-07-28', 70]
    ])
    expect(li.key).toBe(li.reasons.map((r) => r.key).join(' '))
    expect(li.detail.zh).toBe('生日 7月21日（今天）；婴儿奶粉一段：7月1日买了 1 罐，按每罐 20 天估算（商品设置），约 7月21日用完')
  })

  it('scores a birthday today above a formula running out next week, whoever spends more', () => {
    // the best customer (30 value points) with a can running out in 7 days: 35 + 30 = 65 < 100
    expect(callScore([replenishUrgency(7)], 30)).toBe(65)
    expect(callScore([birthdayUrgency(0)], 0)).toBe(100)
    expect([birthdayUrgency(3), COMPLAINT_URGENCY, replenishUrgency(0), replenishUrgency(-3), replenishUrgency(-30), slideUrgency(3)]).toEqual([
      45, 80, 70, 64, 40, 38
    ])
  })

  it('shows the day’s capacity by default and the whole list when asked', async () => {
    const ctx = testContext(DAY)
    await shop(ctx.db)
    updateCareSettings(ctx.db, { dailyCapacity: 2 })
    const today = callList(ctx.db, DAY)
    expect(today.entries.map((e) => e.name)).toEqual(['李娜', '王芳'])
    expect(today).toMatchObject({ total: 4, capacity: 2, all: false })
    expect(today.counts).toEqual({ birthday: 1, replenish: 3, slide: 1, complaint: 0 })
    const all = callList(ctx.db, DAY, { all: true })
    expect(all.entries.map((e) => e.name)).toEqual(['李娜', '王芳', '陈静', '刘洋'])
    expect(all.all).toBe(true)
  })

  it('lists calls not made in time as missed, apart from today’s list', async () => {
    const ctx = testContext(DAY)
    await shop(ctx.db)
    const list = callList(ctx.db, DAY)
    expect(list.missed.map((e) => [e.name ?? e.phone, e.reasons.map((r) => [r.reason, r.dueDate, r.lastDay])])).toEqual([
      ['张伟', [['replenish', '2026-07-02', '2026-07-14']]],
      ['13300133000', [['slide', '2026-07-10', '2026-07-16']]]
    ])
    expect(list.missed[1].detail.zh).toBe('上次购买是 95 天前，7月17日已从活跃期进入沉默期')
    // 王芳's nappies: last useful day 07-27 (run-out + 7 days' grace); on 07-28 the call is missed
    const later = callList(ctx.db, '2026-07-28')
    expect(later.entries.some((e) => e.name === '王芳')).toBe(false)
    expect(later.missed.find((e) => e.name === '王芳')?.reasons.map((r) => r.reason)).toEqual(['replenish'])
    // 14 days after that it is gone from the missed list too (张伟's ended 07-14: gone on 07-29)
    expect(callList(ctx.db, '2026-07-29').missed.some((e) => e.name === '张伟')).toBe(false)
    expect(callList(ctx.db, '2026-07-28').missed.some((e) => e.name === '张伟')).toBe(true)
  })

  it('ages a call out after the setting’s days even before its last useful day', async () => {
    const ctx = testContext(DAY)
    await shop(ctx.db)
    // 王芳's reminder fell due 07-15: with missed after 5 days it is missed from 07-21
    updateCareSettings(ctx.db, { missedAfterDays: 5 })
    const list = callList(ctx.db, DAY)
    expect(list.entries.map((e) => e.name)).toEqual(['李娜', '陈静', '刘洋'])
    expect(list.missed.map((e) => e.name)).toContain('王芳')
  })

  it('names the shop and the staff member in the script, once for all reasons', async () => {
    const ctx = testContext(DAY)
    await shop(ctx.db)
    updateSettings(ctx.db, { shopName: '阳光母婴店', staffName: '小林' })
    const li = callList(ctx.db, DAY).entries[0]
    expect(li.script.zh).toBe(
      '您好，我是阳光母婴店的小林。今天是您的生日，店里给您准备了一份生日小礼物，祝您生日快乐！您7月1日买的婴儿奶粉一段，按平时用量大约7月21日就用完了，要不要先帮您留一份、送货上门？'
    )
    expect(li.script.en.startsWith('Hello, this is 小林 from 阳光母婴店. Happy birthday today!')).toBe(true)
    updateSettings(ctx.db, { staffName: '' })
    expect(callList(ctx.db, DAY).entries[0].script.zh.startsWith('您好，这里是阳光母婴店。')).toBe(true)
  })

  it('closes every reason on the row with one outcome; a no-answer brings the rest back tomorrow', async () => {
    const ctx = testContext(DAY)
    await shop(ctx.db)
    const call = testDispatch(ctx)
    const before = callList(ctx.db, DAY)
    const li = before.entries[0]
    const r = await call('reminders.record', { customerId: li.customerId, key: li.key, outcome: 'no_answer' })
    expect(r.ok).toBe(true)
    expect(ctx.db.prepare("SELECT count(*) FROM contact_log WHERE kind = 'call'").pluck().get()).toBe(1)
    expect(callList(ctx.db, DAY).entries.map((e) => e.name)).toEqual(['王芳', '陈静', '刘洋'])
    // tomorrow the birthday has passed (missed), the can is still to be sold: 68 + 18
    const tomorrow = callList(ctx.db, '2026-07-22')
    const again = tomorrow.entries.find((e) => e.name === '李娜')!
    expect([again.score, again.reasons.map((x) => x.reason), again.lastOutcome?.outcome]).toEqual([86, ['replenish'], 'no_answer'])
    expect(tomorrow.missed.find((e) => e.name === '李娜')?.reasons.map((x) => x.reason)).toEqual(['birthday'])
    await call('reminders.record', { customerId: li.customerId, key: again.key, outcome: 'bought' })
    expect(callList(ctx.db, '2026-07-22').entries.some((e) => e.name === '李娜')).toBe(false)
  })

  it('answers calls --json within the capacity, and --all with every row', async () => {
    const run = (path: string, extra: string[]) => cliJson<CallList>(['calls', '--db', path, '--date', DAY, '--json', ...extra])
    const build = async (db: Db) => {
      await shop(db)
      updateCareSettings(db, { dailyCapacity: 3 })
    }
    await withShopFile(build, async (path) => {
      const today = await run(path, [])
      expect(Object.keys(today).sort()).toEqual([
        'all',
        'capacity',
        'counts',
        'date',
        'entries',
        'missed',
        'missedTotal',
        'notices',
        'rhythm',
        'skippedNoConsent',
        'total'
      ])
      expect(today.entries.map((e) => [e.name, e.reasons.map((r) => r.reason)])).toEqual([
        ['李娜', ['birthday', 'replenish']],
        ['王芳', ['replenish']],
        ['陈静', ['replenish']]
      ])
      expect((await run(path, ['--all'])).entries).toHaveLength(4)
    })
  })

  it('refuses a capacity outside 1–500 and a missed-after outside 1–90 through the channel', async () => {
    const ctx = testContext(DAY)
    const call = testDispatch(ctx)
    expect(await call('reminders.updateSettings', { dailyCapacity: 0 })).toMatchObject({ ok: false, code: 'BAD_INPUT' })
    expect(await call('reminders.updateSettings', { dailyCapacity: 2.5 })).toMatchObject({ ok: false, code: 'BAD_INPUT' })
    expect(await call('reminders.updateSettings', { missedAfterDays: 91 })).toMatchObject({ ok: false, code: 'BAD_INPUT' })
    expect(await call('reminders.updateSettings', { dailyCapacity: 20, missedAfterDays: 10 })).toMatchObject({
      ok: true,
      data: { dailyCapacity: 20, missedAfterDays: 10 }
    })
    expect(await call('reminders.settings', {})).toMatchObject({ ok: true, data: { dailyCapacity: 20, missedAfterDays: 10 } })
  })
})
