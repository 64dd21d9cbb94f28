/**
 * The one contract: every channel name with its input and output schema. Electron IPC,
 * the browser host and the typed window.api are all derived from this object, so a channel
 * cannot exist in one transport and not in another.
 */
import type { z } from 'zod'
import type { Result } from './result'
import { appChannels } from './schemas/app'
import { importsChannels } from './schemas/imports'
import { settingsChannels } from './schemas/settings'
import { statsChannels } from './schemas/stats'
import { demoChannels } from './schemas/demo'
import { printingChannels } from './schemas/printing'
import { backupsChannels } from './schemas/backups'
import { predictionsChannels } from './schemas/predictions'
import { remindersChannels } from './schemas/reminders'
import { campaignsChannels } from './schemas/campaigns'
import { customersChannels } from './schemas/customers'
import { segmentsChannels } from './schemas/segments'
import { lockChannels } from './schemas/lock'
import { jobsChannels } from './schemas/jobs'

export interface ChannelSpec {
  input: z.ZodType
  output: z.ZodType
}

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never

/**
 * Merges the channel groups into one contract. A spread would let a later group silently replace
 * a channel of an earlier one; here a name declared twice stops the app at start instead.
 */
export function mergeChannelGroups<G extends readonly Record<string, ChannelSpec>[]>(groups: G): UnionToIntersection<G[number]> {
  const merged: Record<string, ChannelSpec> = {}
  for (const group of groups) {
    for (const [name, spec] of Object.entries(group)) {
      if (Object.prototype.hasOwnProperty.call(merged, name)) throw new Error(`duplicate channel name in the contract: ${name}`)
      merged[name] = spec
    }
  }
  return merged as UnionToIntersection<G[number]>
}

export const contract = mergeChannelGroups([
  appChannels,
  importsChannels,
  settingsChannels,
  statsChannels,
  demoChannels,
  printingChannels,
  backupsChannels,
  predictionsChannels,
  remindersChannels,
  campaignsChannels,
  customersChannels,
  segmentsChannels,
  lockChannels,
  jobsChannels
] as const)

export type Contract = typeof contract
export type Channel = keyof Contract
export type Namespace = Channel extends `${infer N}.${string}` ? N : never

export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>

/** Every channel name, in a stable order. */
export const channels = Object.keys(contract) as Channel[]

/** The shape of window.api: api.customers.list(input) → Promise<Result<output>>. */
export type Api = {
  [N in Namespace]: {
    [C in Channel as C extends `${N}.${infer M}` ? M : never]: (input?: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>
  }
}

/** Split 'customers.list' into ['customers', 'list']. */
export function splitChannel(channel: Channel): [string, string] {
  const dot = channel.indexOf('.')
  return [channel.slice(0, dot), channel.slice(dot + 1)]
}

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name)
}
