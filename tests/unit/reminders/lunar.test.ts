import { describe, expect, it } from 'vitest'
import { lunarDatesBetween, lunarLabel, lunarToSolar, solarDatesBetween } from '../../../shared/domain/lunar'
import { birthdayWithin, parseBirthday } from '../../../electron/services/reminders/birthdays'

describe('lunar dates', () => {
  it.each([
    [2023, 1, 1, '2023-01-22'],
    [2024, 1, 1, '2024-02-10'],
    [2023, 8, 15, '2023-09-29'],
    // 2023 has a leap second month (闰二月, 2023-03-22 – 2023-04-19): the ordinary month counts
    [2023, 2, 15, '2023-03-06'],
    [2023, 3, 1, '2023-04-20'],
    // 腊月 of lunar 2023 has 29 days: the 30th falls on the 29th (除夕)
    [2023, 12, 30, '2024-02-09']
  ])('lunar %i-%i-%i falls on %s', (y, m, d, iso) => {
    expect(lunarToSolar(y, m, d)).toBe(iso)
  })

  it('writes lunar days the way people say them', () => {
    expect([lunarLabel(1, 1), lunarLabel(8, 15), lunarLabel(12, 23), lunarLabel(4, 10), lunarLabel(2, 20)]).toEqual([
      '正月初一',
      '八月十五',
      '腊月廿三',
      '四月初十',
      '二月二十'
    ])
  })

  it('finds a lunar date in a window that crosses the solar new year', () => {
    expect(lunarDatesBetween(1, 1, '2023-12-25', '2024-02-15')).toEqual(['2024-02-10'])
  })

  it('puts 29 February on 28 February in a common year', () => {
    expect(solarDatesBetween(2, 29, '2026-02-20', '2026-03-05')).toEqual(['2026-02-28'])
    expect(solarDatesBetween(2, 29, '2028-02-20', '2028-03-05')).toEqual(['2028-02-29'])
  })
})

describe('lunar birthdays across a leap month', () => {
  it('keeps a 四月十五 birthday in the ordinary fourth month of 2020, not in 闰四月', () => {
    // 2020-05-07 is 四月十五; 2020-06-05 is 闰四月十四, so 闰四月十五 is 2020-06-06
    expect(birthdayWithin('1985-04-15', true, '2020-05-01', 7)?.date).toBe('2020-05-07')
    expect(birthdayWithin('1985-04-15', true, '2020-06-01', 7)).toBeNull()
  })

  it('finds a 五月初一 birthday in the month after the leap month', () => {
    expect(birthdayWithin('1990-05-01', true, '2020-06-15', 7)).toEqual({ date: '2020-06-21', month: 5, day: 1, lunar: true })
  })

  it('does not count the leap second month of 2023 as a second 二月十五', () => {
    expect(birthdayWithin('1979-02-15', true, '2023-04-01', 7)).toBeNull()
    expect(birthdayWithin('1979-03-01', true, '2023-04-15', 7)?.date).toBe('2023-04-20')
  })

  it('treats the same text as a solar birthday when not lunar', () => {
    expect(birthdayWithin('1979-03-01', false, '2023-02-25', 7)?.date).toBe('2023-03-01')
  })

  it.each([
    ['1990-03-05', { month: 3, day: 5 }],
    ['03-05', { month: 3, day: 5 }],
    ['1990-13-05', null],
    ['unknown', null]
  ])('reads the birthday %s', (text, expected) => {
    expect(parseBirthday(text)).toEqual(expected)
  })
})
