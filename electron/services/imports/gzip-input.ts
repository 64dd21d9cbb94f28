/**
 * Exports that arrive gzipped (a `.csv.gz` from an online platform or a backup script): unpacked
 * in memory with node:zlib before anything else reads them, capped at the same size as a plain
 * file, so a small bomb cannot fill the memory. One layer only: a gzip inside a gzip is refused.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import type { ImportFile } from '../../../shared/schemas/imports'
import { MAX_FILE_BYTES } from './limits'
import { refuse } from '../../../shared/errors/refuse'

export const isGzip = (b: Uint8Array) => b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b

/** The unpacked bytes; UNREADABLE_FILE when damaged, too large unpacked, or gzipped twice. */
export function gunzipExport(bytes: Uint8Array, cap = MAX_FILE_BYTES): Buffer {
  let out: Buffer
  try {
    out = gunzipSync(bytes, { maxOutputLength: cap })
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) {
      throw refuse('gzipUnpacksTooLarge', { mb: Math.round(cap / 1024 / 1024) })
    }
    throw refuse('gzipDamaged')
  }
  if (isGzip(out)) throw refuse('gzippedTwice')
  return out
}

/**
 * The size a gzipped file will have unpacked, from its footer (ISIZE, the length modulo 4 GB),
 * bounded by the cap; the file's own size for anything else. Sizes the import worker's heap.
 */
export function expandedSize(file: ImportFile, size: number): number {
  const head = new Uint8Array(2)
  const tail = new Uint8Array(4)
  if ('path' in file) {
    try {
      if (statSync(file.path).size < 18) return size
      const fd = openSync(file.path, 'r')
      try {
        readSync(fd, head, 0, 2, 0)
        readSync(fd, tail, 0, 4, size - 4)
      } finally {
        closeSync(fd)
      }
    } catch {
      return size
    }
  } else {
    const bytes = Buffer.from(file.dataBase64, 'base64')
    if (bytes.length < 18) return size
    head.set(bytes.subarray(0, 2))
    tail.set(bytes.subarray(bytes.length - 4))
  }
  if (!isGzip(head)) return size
  return Math.min(MAX_FILE_BYTES, Math.max(size, Buffer.from(tail).readUInt32LE(0)))
}
