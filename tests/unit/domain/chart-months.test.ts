import { describe, expect, it } from 'vitest'
import { chartFrom } from '../../../shared/domain/chart-months'

describe('where a chart by month starts', () => {
  it('starts at the shop’s first month with sales', () => {
    // first sale in September 2026, looked at in June 2027: ten months, not 24
    expect(chartFrom('2027-06-30', '2026-09')).toBe('2026-09')
  })
  it('keeps six months for a new shop, so its chart is not one lone bar', () => {
    expect(chartFrom('2026-11-23', '2026-11')).toBe('2026-06')
    expect(chartFrom('2026-11-23', '2026-09')).toBe('2026-06')
    expect(chartFrom('2026-02-10', null)).toBe('2025-09')
  })
  it('reaches back 24 months at most', () => {
    expect(chartFrom('2026-11-23', '2019-03')).toBe('2024-12')
    expect(chartFrom('2026-11-23', '2024-12')).toBe('2024-12')
    expect(chartFrom('2026-11-23', '2025-01')).toBe('2025-01')
  })
})
