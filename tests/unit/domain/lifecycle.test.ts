import { describe, expect, it } from 'vitest'
import { defaultLifecycleThresholds, lifecycleStage, stageStartDays } from '../../../shared/domain/lifecycle'
import { addDays, daysBetween, isIsoDate } from '../../../shared/domain/dates'
import { maskPhone, normalizePhone } from '../../../shared/domain/phone'
import { formatFen } from '../../../shared/domain/money'

describe('lifecycle stage by days since the last purchase', () => {
  it.each([
    [0, 'active'],
    [90, 'active'],
    [91, 'silent'],
    [180, 'silent'],
    [181, 'sleeping'],
    [200, 'sleeping'],
    [270, 'sleeping'],
    [271, 'drifting'],
    [359, 'drifting'],
    [360, 'lost'],
    [2000, 'lost']
  ])('puts a customer idle %i days in the %s stage', (days, stage) => {
    expect(lifecycleStage(days)).toBe(stage)
  })
})

describe('calendar days', () => {
  it('ignores the time of day', () => {
    expect(daysBetween('2024-03-05T23:59:00', '2024-03-06T00:01:00')).toBe(1)
  })
  it('counts across a leap day', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2)
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
  })
  it('refuses impossible dates', () => {
    expect(isIsoDate('2023-02-29')).toBe(false)
    expect(isIsoDate('2024-02-29')).toBe(true)
  })
})

describe('phones', () => {
  it.each([
    ['+86 138-1234-8000', '13812348000'],
    ["'13812348000", '13812348000'],
    ['86-13812348000', '13812348000'],
    ['１３８１２３４８０００', '13812348000'],
    ['abc', null],
    ['123', null]
  ])('normalises %s to %s', (raw, want) => {
    expect(normalizePhone(raw)).toBe(want)
  })
  it('masks the middle four digits', () => {
    expect(maskPhone('13812348000')).toBe('138****8000')
  })
})

describe('money', () => {
  it('formats fen as yuan with two decimals', () => {
    expect(formatFen(123456)).toBe('¥1,234.56')
    expect(formatFen(-5)).toBe('-¥0.05')
  })
})

describe('stage start days', () => {
  it('gives the earliest last purchase day of each stage, which that stage still holds', () => {
    const since = stageStartDays('2026-11-23', defaultLifecycleThresholds)
    expect(since).toEqual(['2026-08-25', '2026-05-27', '2026-02-26', '2025-11-29'])
    expect(since.map((d) => lifecycleStage(daysBetween(d, '2026-11-23')))).toEqual(['active', 'silent', 'sleeping', 'drifting'])
    expect(since.map((d) => lifecycleStage(daysBetween(addDays(d, -1), '2026-11-23')))).toEqual(['silent', 'sleeping', 'drifting', 'lost'])
  })
})
