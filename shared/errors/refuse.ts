/**
 * How a service refuses: `throw refuse('fileNotFound', { path })`. The key picks the category
 * and the sentences from the catalogue; the parameters are typed per key, so a throw site that
 * forgets one does not compile.
 */
import { DomainError } from '../result'
import { errorCatalogue, type ErrorKey, type ParamsOf } from './catalogue'
import { bilingual } from './messages'

type Args<K extends ErrorKey> = keyof ParamsOf<K> extends never ? [params?: ParamsOf<K>] : [params: ParamsOf<K>]

export function refuse<K extends ErrorKey>(key: K, ...[params]: Args<K>): DomainError {
  const p = (params ?? {}) as Record<string, string | number>
  return new DomainError(errorCatalogue[key].code, bilingual(key, p), { key, params: p })
}
