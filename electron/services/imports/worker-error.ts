/**
 * An import's failure as it crosses from the worker (or the in-process run) to the job: a
 * catalogued refusal keeps its key and parameters, so the page and the CLI show it in the
 * reader's language. Its own file: the worker module starts an import when loaded.
 */
import { DomainError } from '../../../shared/result'

export interface ImportFailure {
  type: 'error'
  code: string
  message: string
  key?: string
  params?: Record<string, string | number>
}

export function errorMessage(e: unknown): ImportFailure {
  if (!(e instanceof DomainError)) return { type: 'error', code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) }
  return { type: 'error', code: e.code, message: e.message, ...(e.key === undefined ? {} : { key: e.key, params: e.params ?? {} }) }
}
