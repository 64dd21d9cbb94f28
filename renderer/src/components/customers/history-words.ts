/**
 * A change-history line as staff read it. The history stores each field's value as the text
 * the edit wrote ('1'/'0' for a tick box, a JSON list for tags and children, fen for money), so the same
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
    case 'children': {
      const children = childList(value)
      if (!children) return value
      return children.length ? childrenWords(children, t) : t('customer.noChildren')
    }
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

type Child = { name: string | null; birthday: string | null; gender: string | null }

/** The stored children list ('[{"name":"小宝","birthday":"2025-03-01","gender":"m"}]'), or null when it is not one. */
function childList(value: string | null): Child[] | null {
  if (value === null || value === '') return []
  let list: unknown
  try {
    list = JSON.parse(value)
  } catch {
    return null
  }
  if (!Array.isArray(list) || !list.every((c) => c !== null && typeof c === 'object')) return null
  return (list as Partial<Child>[]).map((c) => ({ name: c.name ?? null, birthday: c.birthday ?? null, gender: c.gender ?? null }))
}

/** One child as the profile says it: 小宝 男 2025-03-01, the parts staff did not fill left out. */
function childWords(c: Child, t: Translate): string {
  const gender = c.gender === 'f' || c.gender === 'm' ? t(`customer.genders.${c.gender}`) : c.gender
  return [c.name ?? t('customer.childUnnamed'), gender, c.birthday].filter(Boolean).join(' ')
}

const childrenWords = (children: Child[], t: Translate) => children.map((c) => childWords(c, t)).join(t('customer.childSeparator'))

/** The children in `from` that `to` does not hold, a child counted once for each time it is there. */
function childrenMissing(from: Child[], to: Child[]): Child[] {
  const left = to.map((c) => JSON.stringify([c.name, c.birthday, c.gender]))
  return from.filter((c) => {
    const i = left.indexOf(JSON.stringify([c.name, c.birthday, c.gender]))
    if (i < 0) return true
    left.splice(i, 1)
    return false
  })
}

/**
 * The new side of a history line. A children edit says what it changed (添加 二宝 女 2026-01-02；
 * 移除 小宝 男 2025-03-01) rather than repeating the whole list; every other field is its value.
 */
export function historyNewText(field: string, oldValue: string | null, newValue: string | null, t: Translate): string {
  if (historyFieldKey(field) === 'children') {
    const before = childList(oldValue)
    const after = childList(newValue)
    if (before && after) {
      const added = childrenMissing(after, before)
      const removed = childrenMissing(before, after)
      const parts = [
        ...(added.length ? [t('customer.childrenAdded', { list: childrenWords(added, t) })] : []),
        ...(removed.length ? [t('customer.childrenRemoved', { list: childrenWords(removed, t) })] : [])
      ]
      if (parts.length) return parts.join(t('customer.childSeparator'))
    }
  }
  return historyValueText(field, newValue, t)
}
