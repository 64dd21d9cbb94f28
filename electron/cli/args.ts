/** Command-line parsing shared by every command: positionals, --flags, repeated options. */
import { parseArgs } from 'node:util'
import { refuse } from '../../shared/errors/refuse'

export interface ParsedArgs {
  command: string[]
  flags: Record<string, string | boolean | string[] | undefined>
}

export function parseCommandLine(argv: string[], options: NonNullable<NonNullable<Parameters<typeof parseArgs>[0]>['options']>): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true })
    return { command: positionals, flags: values as ParsedArgs['flags'] }
  } catch (e) {
    throw refuse('cliBadArguments', { reason: (e as Error).message })
  }
}
