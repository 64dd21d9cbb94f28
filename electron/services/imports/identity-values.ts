/**
 * Identity values as exports write them → the form stored in customer_identities. Ids are
 * text: never turned into numbers (6.2E+17 loses digits), a trailing '.0' from a float
 * column (CustomerID 17850.0) is removed, a leading apostrophe (Excel's text marker) too.
 */
import { normalizePhone } from '../../../shared/domain/phone'
import type { Identity, IdentityKind } from '../ledger/identities'

/** Stand-ins for "no customer" that POS systems write into the card or name column. */
const PLACEHOLDERS = new Set([
  '',
  '-',
  '--',
  '—',
  '/',
  '0',
  'null',
  'none',
  'nan',
  'n/a',
  'na',
  '#n/a',
  '无',
  '空',
  '散客',
  '非会员',
  '零售',
  '普通顾客',
  'walkin',
  'walk-in',
  'guest'
])

const SCIENTIFIC = /^\d(\.\d+)?e\+?\d+$/i
const ASCII = /^[\x20-\x7e]*$/

/** NFKC only where it can change something: plain ASCII (most cells) skips the costly call. */
export function nfkc(s: string): string {
  return ASCII.test(s) ? s : s.normalize('NFKC')
}

export type IdValue = { ok: true; value: string | null } | { ok: false; reason: string }

/** A text id cleaned, or null when empty / a placeholder. */
export function cleanId(raw: string): IdValue {
  let s = nfkc(raw)
    .trim()
    .replace(/^'+/, '')
    .replace(/^="(.*)"$/, '$1')
    .trim()
  if (PLACEHOLDERS.has(s.toLowerCase())) return { ok: true, value: null }
  if (SCIENTIFIC.test(s))
    return { ok: false, reason: '编号被 Excel 改成了科学计数法，位数已丢失；请把该列设为文本后重新导出 (id mangled into scientific notation)' }
  if (/^\d+\.0+$/.test(s)) s = s.replace(/\.0+$/, '')
  return { ok: true, value: s }
}

export interface RowIdentities {
  identities: Identity[]
  /** a reason when a value present in an identity column cannot be used */
  problems: { kind: IdentityKind; value: string; reason: string }[]
}

/** The identities one row carries. */
export function rowIdentities(raw: Partial<Record<IdentityKind, string>>): RowIdentities {
  const identities: Identity[] = []
  const problems: RowIdentities['problems'] = []
  for (const kind of ['card', 'phone', 'buyer', 'external'] as const) {
    const value = raw[kind]
    if (value === undefined) continue
    if (kind === 'phone') {
      const trimmed = value.trim()
      if (PLACEHOLDERS.has(trimmed.toLowerCase())) continue
      if (SCIENTIFIC.test(trimmed)) {
        problems.push({ kind, value, reason: '手机号被 Excel 改成了科学计数法 (phone mangled into scientific notation)' })
        continue
      }
      const phone = normalizePhone(trimmed.replace(/\.0+$/, ''))
      if (phone) identities.push({ kind, value: phone })
      else problems.push({ kind, value, reason: '手机号无效 (not a valid phone number)' })
      continue
    }
    const id = cleanId(value)
    if (!id.ok) problems.push({ kind, value, reason: id.reason })
    else if (id.value) identities.push({ kind, value: kind === 'external' && id.value.includes('@') ? id.value.toLowerCase() : id.value })
  }
  return { identities, problems }
}

/** 'card:12345': one string per identity, for maps and content keys. */
export const identityKey = (id: Identity) => `${id.kind}:${id.value}`
