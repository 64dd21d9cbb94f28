/**
 * Checks lifecycle thresholds as typed in the form, before they go to the service (which checks
 * again): whole numbers above zero, each stage ending after the one before.
 */
import type { LifecycleThresholds } from '@shared/domain/lifecycle'

export const thresholdKeys = ['active', 'silent', 'sleeping', 'drifting'] as const
export type ThresholdKey = (typeof thresholdKeys)[number]

export type ThresholdError = { kind: 'whole' } | { kind: 'increase'; prev: number }

/** One error per offending field; empty when the thresholds can be saved. */
export function checkThresholds(values: Record<ThresholdKey, number | string>): Partial<Record<ThresholdKey, ThresholdError>> {
  const errors: Partial<Record<ThresholdKey, ThresholdError>> = {}
  let prev = 0
  for (const key of thresholdKeys) {
    const raw = values[key]
    const n = typeof raw === 'number' ? raw : raw.trim() === '' ? NaN : Number(raw)
    if (!Number.isInteger(n) || n < 1) {
      errors[key] = { kind: 'whole' }
      prev = Number.NaN
      continue
    }
    if (!Number.isNaN(prev) && n <= prev) errors[key] = { kind: 'increase', prev }
    prev = n
  }
  return errors
}

/** The thresholds as numbers (call only when checkThresholds found nothing). */
export function toThresholds(values: Record<ThresholdKey, number | string>): LifecycleThresholds {
  return {
    active: Number(values.active),
    silent: Number(values.silent),
    sleeping: Number(values.sleeping),
    drifting: Number(values.drifting)
  }
}
