/** The shape of one CLI command and what it is given to run. */
import type { parseArgs } from 'node:util'
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/ipc-contract'
import type { AppContext } from '../services/app/app-context'
import type { ParsedArgs } from './args'
import type { ErrorLocale } from '../../shared/errors/messages'

export interface CliEnv {
  /** call a contract channel: the input is validated exactly as for the UI */
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>
  ctx: AppContext
  /** progress for people on stderr (never on stdout, which carries --json) */
  progress(message: string): void
  /** the reader's language (--lang or LANG), for words a refusal carries from a model */
  locale: ErrorLocale
}

export interface Command {
  name: string
  usage: string
  summary: string
  options: NonNullable<NonNullable<Parameters<typeof parseArgs>[0]>['options']>
  run(args: ParsedArgs, env: CliEnv): Promise<{ data: unknown; human: () => string }>
}
