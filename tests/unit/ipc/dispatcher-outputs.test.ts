import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { buildHandlers, type Handlers } from '../../../electron/ipc/handlers'
import { createDispatcher, outputsCheckedByDefault } from '../../../electron/ipc/dispatcher'
import { mergeChannelGroups } from '../../../shared/ipc-contract'
import { testContext } from '../../helpers/db'

/** The real handlers, with app.info swapped for one whose reply has drifted from AppInfo. */
function handlersWithDriftedAppInfo(): Handlers {
  const handlers = buildHandlers(testContext('2026-11-23'))
  return { ...handlers, 'app.info': () => ({ version: '1', dbPath: ':memory:', schemaVersion: 'seven', today: '2026-11-23' }) as never }
}

describe('the dispatcher checks every reply against its output schema', () => {
  it('answers INTERNAL naming the channel and the field when a reply does not match, and logs it', async () => {
    const logged: unknown[] = []
    const dispatch = createDispatcher(handlersWithDriftedAppInfo(), (e) => logged.push(e), undefined, true)
    const r = await dispatch('app.info', {})
    expect(r).toEqual({
      ok: false,
      code: 'INTERNAL',
      message: 'reply of app.info does not match its output schema at schemaVersion: Invalid input: expected number, received string'
    })
    expect(logged).toHaveLength(1)
  })

  it('passes the same drifted reply through when the check is off, as in the shop', async () => {
    const dispatch = createDispatcher(handlersWithDriftedAppInfo(), () => {}, undefined, false)
    const r = await dispatch('app.info', {})
    expect(r).toMatchObject({ ok: true, data: { schemaVersion: 'seven' } })
  })

  it('is on under vitest and with EVERGREEN_CHECK_OUTPUTS=1, off otherwise', () => {
    expect(outputsCheckedByDefault(process.env)).toBe(true)
    expect(outputsCheckedByDefault({ EVERGREEN_CHECK_OUTPUTS: '1' })).toBe(true)
    expect(outputsCheckedByDefault({})).toBe(false)
    expect(outputsCheckedByDefault({ EVERGREEN_CHECK_OUTPUTS: '0' })).toBe(false)
  })
})

describe('the contract is merged from channel groups', () => {
  const spec = { input: z.object({}), output: z.string() }

  it('refuses a channel name declared by two groups instead of letting the later one replace it', () => {
    expect(() =>
      mergeChannelGroups([
        { 'a.one': spec, 'a.two': spec },
        { 'b.one': spec, 'a.two': spec }
      ])
    ).toThrow('duplicate channel name in the contract: a.two')
  })

  it('keeps every channel of every group when the names are distinct', () => {
    expect(Object.keys(mergeChannelGroups([{ 'a.one': spec }, { 'b.one': spec, 'b.two': spec }]))).toEqual(['a.one', 'b.one', 'b.two'])
  })
})
