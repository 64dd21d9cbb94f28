import { describe, expect, it } from 'vitest'
import { channels } from '../../../shared/ipc-contract'
import { buildHandlers } from '../../../electron/ipc/handlers'
import { missingHandlers } from '../../../electron/ipc/dispatcher'
import { testContext, testDispatch } from '../../helpers/db'

describe('the IPC dispatcher', () => {
  it('has a handler for every contract channel', () => {
    expect(missingHandlers(buildHandlers(testContext()))).toEqual([])
    expect(channels.length).toBeGreaterThan(3)
  })

  it('answers an unknown channel with UNKNOWN_CHANNEL instead of throwing', async () => {
    const r = await testDispatch(testContext())('nope.never', {})
    expect(r).toEqual({
      ok: false,
      code: 'UNKNOWN_CHANNEL',
      key: 'unknownChannel',
      params: { channel: 'nope.never' },
      message: '没有这项功能：nope.never (unknown channel: nope.never)'
    })
  })

  it('rejects input that does not match the schema with BAD_INPUT and the field', async () => {
    const r = await testDispatch(testContext())('stats.summary', { asOf: '2024-02-30' })
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.code).toBe('BAD_INPUT')
      expect(r).toMatchObject({ key: 'inputDate', params: { field: 'asOf' } })
    }
  })

  it('rejects unexpected extra fields', async () => {
    const r = await testDispatch(testContext())('app.info', { evil: true })
    expect(r.ok).toBe(false)
  })

  it('turns a domain error into its code', async () => {
    const ctx = testContext()
    const dispatch = testDispatch(ctx)
    await dispatch('demo.load', { customers: 5, seed: 1 })
    const again = await dispatch('demo.load', { customers: 5, seed: 1 })
    expect(again.ok).toBe(false)
    if (!again.ok) expect(again.code).toBe('CONFLICT')
  })

  it('wraps a successful answer in ok/data', async () => {
    const r = await testDispatch(testContext('2026-11-23'))('app.info', {})
    expect(r).toMatchObject({ ok: true, data: { version: '0.0.0-test', today: '2026-11-23' } })
  })
})
