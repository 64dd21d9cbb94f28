/**
 * The transport-independent core of the IPC layer: look the channel up in the contract,
 * parse the input with its schema, call the handler, answer with an envelope. Electron IPC
 * and the browser host both go through here, so validation cannot differ between them.
 */
import { contract, isChannel, type Channel } from '../../shared/ipc-contract'
import { DomainError, fail, failFrom, ok, type Result } from '../../shared/result'
import { refuse } from '../../shared/errors/refuse'
import { channelsOpenWhileLocked } from '../../shared/schemas/lock'
import { auditSpecs } from '../../shared/audit-specs'
import { exclusiveWriter } from '../services/app/write-gate'
import { inputRefusal } from './input-refusal'
import type { Handlers } from './handlers'

export type Dispatch = (channel: string, rawInput: unknown) => Promise<Result<unknown>>

/** The app lock as the dispatcher sees it (electron/services/security/app-lock.ts). */
export interface LockGate {
  isLocked(): boolean
}

/**
 * `lock`: the app lock to enforce. Electron IPC and the browser host pass it; the CLI does not,
 * since whoever runs it reads the database file directly anyway.
 */
export function createDispatcher(
  handlers: Handlers,
  log: (e: unknown) => void = console.error,
  lock?: LockGate,
  checkOutputs: boolean = outputsCheckedByDefault()
): Dispatch {
  return async (channel, rawInput) => {
    if (!isChannel(channel)) return failFrom(refuse('unknownChannel', { channel: String(channel).slice(0, 80) }))
    // While locked only the lock screen's channels answer, checked before the input is even
    // parsed: a locked app must not answer anything about its data, not even a validation message.
    if (lock?.isLocked() && !channelsOpenWhileLocked.includes(channel)) {
      return failFrom(refuse('appLocked'))
    }
    // While a backup worker writes the shop (a restore's copy back) a changing call would wait
    // for SQLite's write lock with the event loop held: it is refused at once; reads go on.
    const writer = exclusiveWriter()
    if (writer && auditSpecs[channel] !== 'reads') return failFrom(refuse(writer))
    const parsed = contract[channel].input.safeParse(rawInput ?? {})
    if (!parsed.success) return failFrom(inputRefusal(channel, rawInput ?? {}, parsed.error.issues))
    try {
      const handler = handlers[channel] as (input: unknown) => unknown
      const output = await handler(parsed.data)
      if (checkOutputs) {
        const mismatch = outputMismatch(channel, output)
        if (mismatch) {
          log(new Error(mismatch))
          return fail('INTERNAL', mismatch)
        }
      }
      return ok(output)
    } catch (e) {
      if (e instanceof DomainError) return failFrom(e)
      log(e)
      return fail('INTERNAL', e instanceof Error ? e.message : String(e))
    }
  }
}

/**
 * Replies are checked against their output schema under vitest and whenever
 * EVERGREEN_CHECK_OUTPUTS=1 (the e2e host sets it): a service whose rows drifted from the
 * contract then fails loudly in the suite instead of handing the renderer a shape it never expects.
 * The shop's app leaves it off, so a slow parse of a 200,000-row reply costs nothing there.
 */
export function outputsCheckedByDefault(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.EVERGREEN_CHECK_OUTPUTS === '1' || Boolean(env.VITEST)
}

/** Why a reply does not match its channel's output schema, or null when it does. */
export function outputMismatch(channel: Channel, output: unknown): string | null {
  const checked = contract[channel].output.safeParse(output)
  if (checked.success) return null
  const issue = checked.error.issues[0]
  const where = issue?.path.length ? ` at ${issue.path.join('.')}` : ''
  return `reply of ${channel} does not match its output schema${where}: ${issue?.message ?? 'invalid output'}`
}

/** Channels without a handler: a unit test keeps this empty. */
export function missingHandlers(handlers: Partial<Handlers>): Channel[] {
  return (Object.keys(contract) as Channel[]).filter((c) => typeof handlers[c] !== 'function')
}
