/**
 * A contract schema's first complaint about an input, as a catalogued refusal: one key per kind
 * of zod 4 issue (shared/errors/catalogue/input.ts) with the field's path and what was expected
 * as parameters, so the renderer and the CLI word it in the reader's language instead of showing
 * zod's English. A schema may name its own sentence: a check whose message, or whose `params.key`,
 * is a catalogue key gets that key (IsoDate in shared/schemas/common.ts does); any other message a
 * schema wrote itself (bilingual words, say) is kept as it stands under inputSchemaWords.
 */
import type { z } from 'zod'
import type { DomainError } from '../../shared/result'
import { refuse } from '../../shared/errors/refuse'
import { isErrorKey } from '../../shared/errors/messages'
import type { ErrorKey, ErrorParams } from '../../shared/errors/catalogue'

type Issue = z.core.$ZodIssue
type Path = readonly PropertyKey[]

/** `['patch', 'children', 1, 'birthday']` → `patch › children › 2 › birthday`: list items counted from 1, as staff count. */
export function fieldPath(path: Path): string {
  return path.map((p) => (typeof p === 'number' ? String(p + 1) : String(p))).join(' › ')
}

/** The value at `path` in the raw input (undefined when any step is missing). */
function valueAt(raw: unknown, path: Path): unknown {
  let v: unknown = raw
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined
    v = (v as Record<PropertyKey, unknown>)[p]
  }
  return v
}

/** A message the schema wrote (zod's own all start with a capital Latin letter and carry no Chinese). */
const hasChinese = (s: string) => /[\u4e00-\u9fff]/.test(s)

/** The catalogued refusal for a failed parse of `channel`'s input. */
export function inputRefusal(channel: string, raw: unknown, issues: readonly Issue[]): DomainError {
  const issue = issues[0]
  if (!issue) return refuse('inputInvalid', { field: channel })
  // the root has no name of its own: the channel stands for it
  const field = issue.path.length ? fieldPath(issue.path) : channel
  const [key, params] = keyOf(issue, field, raw)
  return refuse(key as 'inputInvalid', params as { field: string })
}

function keyOf(issue: Issue, field: string, raw: unknown): [ErrorKey, ErrorParams] {
  const own = ownSentence(issue, field)
  if (own) return own
  switch (issue.code) {
    case 'invalid_type':
      if (valueAt(raw, issue.path) === undefined && issue.path.length) return ['inputRequired', { field }]
      return [expectKey(issue.expected), { field, expected: issue.expected }]
    case 'too_small': {
      const min = numberText(issue.minimum)
      if (issue.origin === 'string') return issue.minimum === 1 ? ['inputTextEmpty', { field }] : ['inputTextTooShort', { field, min }]
      if (issue.origin === 'array' || issue.origin === 'set') return ['inputListTooShort', { field, min }]
      if (isNumeric(issue.origin)) return [issue.inclusive === false ? 'inputNumberNotAbove' : 'inputNumberTooSmall', { field, min }]
      return ['inputTooSmall', { field, min }]
    }
    case 'too_big': {
      const max = numberText(issue.maximum)
      if (issue.origin === 'string') return ['inputTextTooLong', { field, max }]
      if (issue.origin === 'array' || issue.origin === 'set') return ['inputListTooLong', { field, max }]
      if (isNumeric(issue.origin)) return [issue.inclusive === false ? 'inputNumberNotBelow' : 'inputNumberTooBig', { field, max }]
      return ['inputTooBig', { field, max }]
    }
    case 'invalid_format':
      if (issue.format === 'date') return ['inputDate', { field }]
      if (issue.format === 'datetime') return ['inputDateTime', { field }]
      return ['inputFormat', { field }]
    case 'invalid_value':
      if (issue.values.length === 1) return ['inputExactly', { field, value: String(issue.values[0]) }]
      return ['inputOneOf', { field, choices: issue.values.map(String).join(' / ') }]
    case 'unrecognized_keys': {
      // the stray keys are the fields to name: at the root they are the whole path
      const where = issue.path.length ? `${field} › ` : ''
      return ['inputUnknownField', { field: issue.keys.map((k) => `${where}${k}`).join(', ') }]
    }
    case 'not_multiple_of':
      return ['inputMultipleOf', { field, divisor: numberText(issue.divisor) }]
    default:
      // custom checks without words of their own, unions no branch of which fits, bad keys or elements
      return ['inputInvalid', { field }]
  }
}

/** The schema's own sentence: a catalogue key (as the message or as `params.key`, with the check's params), or its words. */
function ownSentence(issue: Issue, field: string): [ErrorKey, ErrorParams] | null {
  const given = issue.code === 'custom' ? (issue.params as Record<string, unknown> | undefined) : undefined
  const named = given?.key ?? issue.message
  if (isErrorKey(named)) {
    const params: ErrorParams = { field }
    for (const [k, v] of Object.entries(given ?? {})) if (k !== 'key' && (typeof v === 'string' || typeof v === 'number')) params[k] = v
    return [named, params]
  }
  if (issue.code === 'custom' ? issue.message !== 'Invalid input' : hasChinese(issue.message)) return ['inputSchemaWords', { field, words: issue.message }]
  return null
}

function expectKey(expected: string): ErrorKey {
  if (expected === 'number' || expected === 'nan' || expected === 'bigint') return 'inputExpectNumber'
  if (expected === 'int') return 'inputExpectWholeNumber'
  if (expected === 'string') return 'inputExpectText'
  if (expected === 'boolean') return 'inputExpectYesNo'
  if (expected === 'array' || expected === 'tuple' || expected === 'set') return 'inputExpectList'
  if (expected === 'object' || expected === 'record' || expected === 'map') return 'inputExpectFields'
  return 'inputExpectOther'
}

const isNumeric = (origin: string) => origin === 'number' || origin === 'int' || origin === 'bigint' || origin === 'date'

/** A bound as a plain number (zod gives bigint bounds for bigint schemas). */
const numberText = (n: number | bigint): number | string => (typeof n === 'bigint' ? n.toString() : n)
