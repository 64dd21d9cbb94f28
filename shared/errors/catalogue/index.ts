/**
 * Every refusal the app can give, by key, merged from one file per area. The placeholders of
 * the English sentence are the parameters a throw site must supply (see ParamsOf), and a test
 * checks the Chinese sentence uses the same ones and that no key is defined in two areas (the
 * spread would silently keep the later one).
 */
import { backups } from './backups'
import { security } from './security'
import { settings } from './settings'
import { segments } from './segments'
import { campaigns } from './campaigns'
import { printing } from './printing'
import { imports } from './imports'
import { customers } from './customers'
import { cli } from './cli'
import { reminders } from './reminders'
import { demo } from './demo'
import { app } from './app'
import { predictions } from './predictions'
import { input } from './input'

export type { Entry } from './entry'

/** The areas by name, so a test can see each one's keys. */
export const catalogueAreas = {
  backups,
  security,
  settings,
  segments,
  campaigns,
  printing,
  imports,
  customers,
  cli,
  reminders,
  demo,
  app,
  predictions,
  input
} as const

export const errorCatalogue = {
  ...backups,
  ...security,
  ...settings,
  ...segments,
  ...campaigns,
  ...printing,
  ...imports,
  ...customers,
  ...cli,
  ...reminders,
  ...demo,
  ...app,
  ...predictions,
  ...input
} as const

export type ErrorKey = keyof typeof errorCatalogue

/** `'a {x} b {y}'` → `'x' | 'y'` */
type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never

/** The parameters a key's sentence needs, each a string or a number. */
export type ParamsOf<K extends ErrorKey> = { [P in Placeholders<(typeof errorCatalogue)[K]['en']>]: string | number }

export type ErrorParams = Record<string, string | number>
