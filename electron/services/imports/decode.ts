/**
 * Bytes → text with the encoding found by itself: a BOM decides (UTF-8, UTF-16 LE/BE);
 * else strict UTF-8 (a file cut off inside a character still counts as UTF-8); else UTF-16
 * without a BOM when every other byte is NUL; else GB18030 (a superset of GBK and GB2312,
 * what Chinese Excel and POS software write). The user may name the encoding instead.
 */
import { isUtf8 as isUtf8Bytes } from 'node:buffer'
import iconv from 'iconv-lite'
import { DomainError } from '../../../shared/result'

export const encodings = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030'] as const
export type TextEncodingName = (typeof encodings)[number]

export interface Decoded {
  encoding: TextEncodingName
  text: string
}

/** Which encoding these bytes are in. */
export function detectEncoding(bytes: Uint8Array): TextEncodingName {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8'
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be'
  const sample = bytes.subarray(0, 4096)
  let evenNul = 0
  let oddNul = 0
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) i % 2 === 0 ? evenNul++ : oddNul++
  const half = sample.length / 2
  // ASCII-heavy UTF-16: NULs in one parity only
  if (half > 2 && oddNul > half * 0.3 && evenNul < half * 0.05) return 'utf-16le'
  if (half > 2 && evenNul > half * 0.3 && oddNul < half * 0.05) return 'utf-16be'
  if (isUtf8(bytes)) return 'utf-8'
  return 'gb18030'
}

/**
 * Valid UTF-8, checked without decoding (decoding a 90 MB export only to throw the text away
 * doubled the import's peak memory). A multi-byte character cut off at the very end (a
 * truncated file) still counts as UTF-8.
 */
function isUtf8(bytes: Uint8Array): boolean {
  return isUtf8Bytes(bytes.subarray(0, completeUtf8Length(bytes)))
}

/** The length without a trailing, incomplete multi-byte character (at most 3 bytes). */
function completeUtf8Length(bytes: Uint8Array): number {
  const n = bytes.length
  for (let back = 1; back <= Math.min(3, n); back++) {
    const b = bytes[n - back]
    if ((b & 0xc0) !== 0x80) {
      // a lead byte: how long its character should be
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1
      return need > back ? n - back : n
    }
  }
  return n
}

/** Decode with the given or detected encoding; a BOM is never part of the text. */
export function decodeBytes(bytes: Uint8Array, forced?: TextEncodingName): Decoded {
  const encoding = forced ?? detectEncoding(bytes)
  let text: string
  if (encoding === 'utf-8') text = new TextDecoder('utf-8').decode(bytes)
  else if (encoding === 'utf-16le') text = new TextDecoder('utf-16le').decode(bytes)
  else if (encoding === 'utf-16be') text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'utf-16be')
  else text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030')
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  assertText(text)
  return { encoding, text }
}

/** Binary junk (an image, a zip, an old .xls) decodes to control characters: say so plainly. */
function assertText(text: string): void {
  const sample = text.slice(0, 65536)
  let bad = 0
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i)
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) bad++
  }
  if (sample.length > 0 && bad / sample.length > 0.02) {
    throw new DomainError('UNREADABLE_FILE', '这不是可读的表格文件（内容像二进制数据）。请导出为 CSV 或 xlsx。 (not a readable table: the content looks binary)')
  }
}
