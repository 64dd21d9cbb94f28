/**
 * The words an import says about a phone it keeps but staff should look at: a mobile with a
 * digit missing or extra, or a number that is neither a mainland mobile nor a landline with
 * its area code. The row is still imported; the notice names the row.
 */
import { phoneConcern } from '../../../shared/domain/phone'

export function phoneConcernReason(phone: string): string | null {
  const c = phoneConcern(phone)
  if (!c) return null
  if (c.kind === 'mobileLength') return `手机号应为 11 位，这里是 ${c.digits} 位，请核对 (a mobile number has 11 digits, this one ${c.digits})`
  return '不像中国大陆手机号或带区号的座机号，请核对 (not a mainland mobile or a landline with area code)'
}
