import { DomainError } from '../../../shared/result'
import type { ParsedArgs } from '../args'

/** An integer flag, or undefined when absent; anything else is a clear error. */
export function intFlag(args: ParsedArgs, name: string): number | undefined {
  const raw = args.flags[name]
  if (raw === undefined) return undefined
  const n = Number(raw)
  if (typeof raw !== 'string' || !Number.isInteger(n)) throw new DomainError('BAD_INPUT', `--${name} 需要整数 (an integer), got ${String(raw)}`)
  return n
}

/** A string flag, or undefined when absent. */
export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const raw = args.flags[name]
  if (raw === undefined) return undefined
  if (typeof raw !== 'string') throw new DomainError('BAD_INPUT', `--${name} needs a value`)
  return raw
}

/** The n-th positional after the command, or a usage error. */
export function positional(args: ParsedArgs, n: number, usage: string): string {
  const v = args.command[n]
  if (!v) throw new DomainError('BAD_INPUT', `缺少参数 (missing argument) — usage: ${usage}`)
  return v
}
