/**
 * Bytes → text with the encoding found by itself: a BOM decides (UTF-8, UTF-16 LE/BE);
 * else strict UTF-8 (a file cut off inside a character still counts as UTF-8); else UTF-16
 * without a BOM when every other byte is NUL; else GB18030 (a superset of GBK and GB2312,
 * what Chinese Excel and POS software write). The user may name the encoding instead.
 * Text is decoded a piece at a time, never as one string.
 */
import { isUtf8 as isUtf8Bytes } from 'node:buffer'
import iconv from 'iconv-lite'
import { bytePieces, type ByteSource } from './byte-source'
import { refuse } from '../../../shared/errors/refuse'

export const encodings = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030'] as const
export type TextEncodingName = (typeof encodings)[number]

/** Which encoding these bytes are in. */
export function detectEncoding(source: ByteSource): TextEncodingName {
  const sample = source.read(0, 4096)
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf-8'
  if (sample[0] === 0xff && sample[1] === 0xfe) return 'utf-16le'
  if (sample[0] === 0xfe && sample[1] === 0xff) return 'utf-16be'
  let evenNul = 0
  let oddNul = 0
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue
    if (i % 2 === 0) evenNul++
    else oddNul++
  }
  const half = sample.length / 2
  // ASCII-heavy UTF-16: NULs in one parity only
  if (half > 2 && oddNul > half * 0.3 && evenNul < half * 0.05) return 'utf-16le'
  if (half > 2 && evenNul > half * 0.3 && oddNul < half * 0.05) return 'utf-16be'
  if (isUtf8(source)) return 'utf-8'
  return 'gb18030'
}

/**
 * Valid UTF-8, checked piece by piece without decoding (decoding a 90 MB export only to throw
 * the text away doubled the import's peak memory). A character split between two pieces is
 * checked with the next one; one cut off at the very end (a truncated file) still counts.
 */
function isUtf8(source: ByteSource): boolean {
  let carried: Uint8Array = new Uint8Array(0)
  for (const piece of bytePieces(source, PIECE_BYTES)) {
    const bytes = carried.length ? Buffer.concat([carried, piece]) : piece
    const complete = completeUtf8Length(bytes)
    if (!isUtf8Bytes(bytes.subarray(0, complete))) return false
    carried = bytes.slice(complete)
  }
  return true
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

/**
 * Bytes are decoded this many at a time. The whole text of a 90 MB export is a ~170 MB JS
 * string (Chinese makes V8 store it two bytes a character), held through both passes. Pieces
 * stay under the size from which Node hands decoded text over as external strings.
 */
export const PIECE_BYTES = 1024 * 1024
/** Detection (delimiter, line break, binary junk) looks at the text of the first 4 MB. */
const HEAD_BYTES = 4 * 1024 * 1024

interface PieceDecoder {
  /** the text of these bytes; a character cut at the end waits for the next piece */
  write(bytes: Uint8Array): string
  /** what is left at the end (an incomplete last character becomes U+FFFD) */
  end(): string
}

function pieceDecoder(encoding: TextEncodingName): PieceDecoder {
  if (encoding === 'utf-8' || encoding === 'utf-16le') {
    const decoder = new TextDecoder(encoding)
    return { write: (bytes) => decoder.decode(bytes, { stream: true }), end: () => decoder.decode() }
  }
  const decoder = iconv.getDecoder(encoding)
  return {
    write: (bytes) => decoder.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)),
    end: () => decoder.end() ?? ''
  }
}

/** The text of these bytes, piece by piece (pieces may be empty); a BOM is never part of it. */
export function* textPieces(source: ByteSource, encoding: TextEncodingName, pieceBytes = PIECE_BYTES): Generator<string> {
  const decoder = pieceDecoder(encoding)
  let started = false
  const withoutBom = (text: string): string => {
    if (started || text === '') return text
    started = true
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  }
  for (const piece of bytePieces(source, pieceBytes)) yield withoutBom(decoder.write(piece))
  yield withoutBom(decoder.end())
}

/** The text of the first `headBytes` bytes (all of it for a smaller file), for detection and checks. */
export function textHead(source: ByteSource, encoding: TextEncodingName, headBytes = HEAD_BYTES): string {
  const pieces = textPieces(source, encoding, headBytes)
  let head = pieces.next().value ?? ''
  // only a whole file's end flushes: a character the cut split stays out of the head
  if (source.size <= headBytes) for (const rest of pieces) head += rest
  return head
}

/** True when the text holds nothing but white space. */
export function isBlankText(source: ByteSource, encoding: TextEncodingName): boolean {
  for (const piece of textPieces(source, encoding)) if (piece.trim() !== '') return false
  return true
}

/** Binary junk (an image, a zip, an old .xls) decodes to control characters: say so plainly. */
export function assertText(text: string): void {
  const sample = text.slice(0, 65536)
  let bad = 0
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i)
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) bad++
  }
  if (sample.length > 0 && bad / sample.length > 0.02) {
    throw refuse('fileLooksBinary')
  }
}
