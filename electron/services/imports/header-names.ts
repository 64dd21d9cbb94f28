/**
 * Normalising header (and keyword) text so dialects compare equal: trim, NFKC (full-width
 * letters, digits and punctuation become half-width), lower case, spaces and punctuation
 * removed. '  Customer ID ' , 'customer_id' and 'ＣｕｓｔｏｍｅｒＩＤ' all become 'customerid'.
 */
export function normalizeHeader(raw: string): string {
  return raw
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '')
}
