import type { ParsedArgs } from '../args'
import { refuse } from '../../../shared/errors/refuse'

/** An integer flag, or undefined when absent; anything else is a clear error. */
export function intFlag(args: ParsedArgs, name: string): number | undefined {
  const raw = args.flags[name]
  if (raw === undefined) return undefined
  const n = Number(raw)
  if (typeof raw !== 'string' || !Number.isInteger(n)) throw refuse('cliFlagNeedsInteger', { flag: name, value: String(raw) })
  return n
}

/** A string flag, or undefined when absent. */
export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const raw = args.flags[name]
  if (raw === undefined) return undefined
  if (typeof raw !== 'string') throw refuse('cliFlagNeedsValue', { flag: name })
  return raw
}

/** The n-th positional after the command, or a usage error. */
export function positional(args: ParsedArgs, n: number, usage: string): string {
  const v = args.command[n]
  if (!v) throw refuse('cliMissingArgument', { usage })
  return v
}
