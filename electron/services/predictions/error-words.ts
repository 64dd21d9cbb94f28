/**
 * A model's refusal in each language on its own. The models throw DomainErrors written
 * "中文 (English)" (or from the catalogue, with a key and parameters); the predictions page
 * and the CLI show one language at a time, so the pair is split here instead of showing the
 * Chinese sentence with its English in brackets to a Chinese reader and no reason at all to
 * an English one.
 */
import type { DomainError } from '../../../shared/result'
import type { Words } from '../../../shared/schemas/predictions'
import { formatError, isErrorKey } from '../../../shared/errors/messages'

/** The error's words: the catalogue's sentences when it has a key, else its "zh (en)" split at the closing bracket pair. */
export function errorWords(e: DomainError): Words {
  if (isErrorKey(e.key)) return { zh: formatError(e.key, e.params ?? {}, 'zh-CN'), en: formatError(e.key, e.params ?? {}, 'en') }
  const split = splitTrailingBrackets(e.message.trim())
  return split ?? { zh: e.message, en: e.message }
}

/** "中文 (English (with brackets))" → both parts; null when the message does not end in a bracket pair. */
function splitTrailingBrackets(message: string): Words | null {
  if (!message.endsWith(')')) return null
  let depth = 0
  for (let i = message.length - 1; i >= 0; i--) {
    if (message[i] === ')') depth++
    else if (message[i] === '(' && --depth === 0) {
      const zh = message.slice(0, i).trim()
      const en = message.slice(i + 1, -1).trim()
      return zh && en ? { zh, en } : null
    }
  }
  return null
}
