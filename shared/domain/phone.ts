/** Phone numbers as the shop sees them: normalised for matching, masked for display. */

/** Mainland mobile numbers: 11 digits starting with 1[3-9]. */
const MOBILE = /^1[3-9]\d{9}$/

/**
 * Normalise a phone as typed or exported (+86, 86-, spaces, dashes, a leading apostrophe,
 * full-width digits). Returns null when what is left is not a plausible phone.
 */
export function normalizePhone(raw: string): string | null {
  let s = raw.normalize('NFKC').trim().replace(/^'+/, '')
  s = s.replace(/[\s\-().]/g, '')
  if (s.startsWith('+86')) s = s.slice(3)
  else if (s.startsWith('0086')) s = s.slice(4)
  else if (s.length === 13 && s.startsWith('86')) s = s.slice(2)
  if (!/^\+?\d+$/.test(s)) return null
  if (MOBILE.test(s)) return s
  // landlines with area code (0xx-xxxxxxx) and foreign numbers: keep digits, require a sane length
  const digits = s.replace(/^\+/, '')
  if (digits.length >= 7 && digits.length <= 15) return s
  return null
}

/**
 * A mobile number with a digit missing or one too many: digits only, starting with 1 like every
 * mainland mobile, but not 11 long. Landlines start with 0 and foreign numbers with +, so
 * nothing real looks like this; it is a typing slip staff must hear about, not a number to keep.
 */
export function mobileLengthSlip(phone: string): number | null {
  return /^1\d+$/.test(phone) && phone.length !== 11 ? phone.length : null
}

/** Mainland landlines: 0 + area code (2–3 digits) + 7–8 digits; 400/800 service numbers. */
const LANDLINE = /^0[1-9]\d{1,2}\d{7,8}$/
const SERVICE = /^[48]00\d{7}$/

/**
 * What staff should hear about a normalised phone before it is saved: 'mobileLength' for a
 * mobile with a digit missing or extra (refused), 'notMainland' for anything that is neither a
 * mainland mobile nor a landline with its area code (kept when staff mean it: a foreign number,
 * a landline typed without its area code). null when it looks right.
 */
export function phoneConcern(phone: string): { kind: 'mobileLength'; digits: number } | { kind: 'notMainland' } | null {
  const digits = mobileLengthSlip(phone)
  if (digits !== null) return { kind: 'mobileLength', digits }
  if (MOBILE.test(phone) || LANDLINE.test(phone) || SERVICE.test(phone)) return null
  return { kind: 'notMainland' }
}

/** True for a mainland mobile number (the kind SMS reaches). */
export function isMobile(phone: string): boolean {
  return MOBILE.test(phone)
}

/** 13812348000 → 138****8000; shorter numbers keep their first 2 and last 2 digits. */
export function maskPhone(phone: string): string {
  if (phone.length >= 11) return phone.slice(0, 3) + '****' + phone.slice(-4)
  if (phone.length > 4) return phone.slice(0, 2) + '*'.repeat(phone.length - 4) + phone.slice(-2)
  return '*'.repeat(phone.length)
}
