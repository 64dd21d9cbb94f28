import { describe, expect, it } from 'vitest'
import { forecastGapPercent, parseBounded, partialPeriod, periodLabel, trustKind } from '../../../renderer/src/components/predictions/backtest-words'
import { rulesLead } from '../../../renderer/src/components/predictions/rules-words'

describe('forecastGapPercent and trustKind', () => {
  it('says a forecast of 88 against 100 actual was 12% too low', () => {
    expect(forecastGapPercent(88, 100)).toBe(-12)
    expect(trustKind(-12)).toBe('under')
  })
  it('calls a miss within 10% close and above it over', () => {
    expect(trustKind(forecastGapPercent(109, 100))).toBe('close')
    expect(trustKind(forecastGapPercent(125, 100))).toBe('over')
  })
  it('cannot judge a period with no actual purchases', () => {
    expect(forecastGapPercent(5, 0)).toBeNull()
    expect(trustKind(null)).toBe('none')
  })
})

describe('parseBounded', () => {
  it('reads a typed number within its bounds', () => {
    expect(parseBounded(' 30 ', { min: 1, max: 31, whole: true })).toEqual({ ok: true, value: 30 })
  })
  it('answers null for empty only where empty is allowed', () => {
    expect(parseBounded('', { min: 1, max: 31, allowEmpty: true })).toEqual({ ok: true, value: null })
    expect(parseBounded('', { min: 1, max: 31 })).toEqual({ ok: false, error: 'required' })
  })
  it('refuses words, fractions where whole numbers are needed, and numbers out of range', () => {
    expect(parseBounded('abc', { min: 1, max: 31 })).toEqual({ ok: false, error: 'number' })
    expect(parseBounded('2.5', { min: 1, max: 31, whole: true })).toEqual({ ok: false, error: 'whole' })
    expect(parseBounded('32', { min: 1, max: 31, whole: true })).toEqual({ ok: false, error: 'range' })
    expect(parseBounded(0, { min: 0.1, max: 3650 })).toEqual({ ok: false, error: 'range' })
  })
})

describe('periodLabel and partialPeriod', () => {
  const week = (from: string, to: string, days: number) => ({ from, to, days, partial: days < 7, forecast: 1, actual: 1 })
  const periods = [week('2026-11-05', '2026-11-11', 7), week('2026-11-12', '2026-11-18', 7), week('2026-11-19', '2026-11-23', 5)]

  it('labels a whole week by its first day and a short last week with its days', () => {
    expect(periods.map((p) => periodLabel(p, (n) => `${n} 天`))).toEqual(['11-05', '11-12', '11-19 (5 天)'])
  })

  it('names the short week to say under the chart, and nothing when every week is whole', () => {
    expect(partialPeriod(periods)).toEqual({ from: '2026-11-19', to: '2026-11-23', days: 5 })
    expect(partialPeriod(periods.slice(0, 2))).toBeNull()
  })
})

describe('rulesLead', () => {
  const fit = { calibrationEnd: '2026-10-15', customers: 35, repeatBuyers: 12, minRepeatBuyers: 100 }

  it('counts the repeat buyers as of the calibration end and says how many more the models need', () => {
    expect(rulesLead(fit)).toEqual({
      key: 'predictions.rulesLead',
      params: { date: '2026-10-15', customers: 35, repeat: 12, min: 100, short: 88 }
    })
  })

  it('tells a shop with no purchases before the calibration end to move the date, not that it has 0 repeat buyers', () => {
    // the journey shop's records start in September; the default end is 26 weeks before 2026-11-23
    expect(rulesLead({ ...fit, calibrationEnd: '2026-05-25', customers: 0, repeatBuyers: 0 })).toEqual({
      key: 'predictions.rulesLeadEmpty',
      params: { date: '2026-05-25', min: 100 }
    })
  })
})
