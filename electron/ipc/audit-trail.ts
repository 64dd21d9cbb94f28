/**
 * The one writer of audit lines for contract calls: every handler of a channel that changes
 * something is wrapped so that, once it has answered, the line its spec builds from the input and
 * the reply goes into audit_log (shared/audit-specs.ts). Every transport and the CLI build their
 * handlers through here, so an action audited in the app is audited from the command line too.
 */
import { auditSpecs, type AuditLine, type AuditSpec, type JobAuditSpec } from '../../shared/audit-specs'
import { channels, type Channel } from '../../shared/ipc-contract'
import { DomainError } from '../../shared/result'
import type { AppContext } from '../services/app/app-context'
import { recordAudit } from '../services/audit/audit-log'
import type { Handlers } from './handlers'

type AnyHandler = (input: unknown) => unknown

function write(ctx: AppContext, entry: AuditLine | null): void {
  if (entry) recordAudit(ctx.db, ctx.now(), entry.action, entry.detail)
}

function isPromise(v: unknown): v is Promise<unknown> {
  return typeof (v as { then?: unknown } | null)?.then === 'function'
}

/** The handler with its audit line: after a success always, after a refusal when the spec asks. Sync handlers stay sync. */
function audited(ctx: AppContext, handler: AnyHandler, spec: AuditSpec<Channel>): AnyHandler {
  const line = spec.line as (input: unknown, output: unknown) => AuditLine | null
  const refused = spec.refused as ((input: unknown, e: { code: string }) => AuditLine | null) | undefined
  return (input) => {
    const done = (output: unknown) => {
      write(ctx, line(input, output))
      return output
    }
    const failed = (e: unknown): never => {
      if (refused && e instanceof DomainError) write(ctx, refused(input, e))
      throw e
    }
    try {
      const output = handler(input)
      return isPromise(output) ? output.then(done, failed) : done(output)
    } catch (e) {
      return failed(e)
    }
  }
}

export function withAuditTrail(handlers: Handlers, ctx: AppContext): Handlers {
  const wrapped = { ...handlers } as Record<Channel, AnyHandler>
  for (const channel of channels) {
    const spec = auditSpecs[channel]
    if (spec === 'reads' || 'jobDone' in spec) continue
    wrapped[channel] = audited(ctx, handlers[channel] as AnyHandler, spec as AuditSpec<Channel>)
  }
  return wrapped as Handlers
}

/** The line of a finished job that `channel` started (an import run in the worker). */
export function auditJobDone(ctx: AppContext, channel: Channel, result: unknown): void {
  const spec = auditSpecs[channel]
  if (spec === 'reads' || !('jobDone' in spec)) throw new Error(`${channel} starts no audited job`)
  write(ctx, (spec as JobAuditSpec<unknown>).jobDone(result))
}
