/**
 * A change-history line as staff read it. The history stores each field's value as the text
 * the edit wrote ('1'/'0' for a tick box, a JSON list for tags, fen for money), so the same
 * words the profile uses are put back here; older lines written under a column name
 * (`consent_phone` by the call list) read like the edit form's own keys.
 */
import { formatFen } from '@shared/domain/money'

export type Translate = (key: string, params?: Record<string, unknown>) => string

/** `consent_phone` → `consentPhone`; edit-form keys pass through. */
export function historyFieldKey(field: string): string {
  return field.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())
}

const consentFields = new Set(['consentPhone', 'consentSms', 'consentWechat', 'consentMail'])

/** One stored value in words; null (nothing there) is '—'. */
export function historyValueText(field: string, value: string | null, t: Translate): string {
  if (value === null || value === '') return '—'
  const key = historyFieldKey(field)
  if (consentFields.has(key)) return value === '1' ? t('customer.allowed') : t('customer.optedOut')
  switch (key) {
    case 'targeted':
      return value === '1' ? t('customer.yes') : t('customer.no')
    case 'birthdayLunar':
      return value === '1' ? t('customer.lunar') : t('customer.solar')
    case 'gender':
      return value === 'f' || value === 'm' ? t(`customer.genders.${value}`) : value
    case 'tags':
      return tagList(value, t)
    case 'referredBy':
      return t('customer.customerNo', { id: value })
    case 'storedValueFen':
      return Number.isFinite(Number(value)) ? formatFen(Number(value)) : value
    default:
      return value
  }
}

/** '["喜欢新品","敏感肌"]' → '喜欢新品、敏感肌'; an empty list is 'no tags'. */
function tagList(value: string, t: Translate): string {
  let tags: unknown
  try {
    tags = JSON.parse(value)
  } catch {
    return value
  }
  if (!Array.isArray(tags)) return value
  return tags.length ? tags.map(String).join(t('customer.listSeparator')) : t('customer.noTags')
}
