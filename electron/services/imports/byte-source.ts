/**
 * An import file's bytes, read a piece at a time: from disk for a file given by path, so a
 * 90 MB export is never held whole (each pass reads it again), or from memory for bytes that
 * arrived whole (the browser host's upload, tests).
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs'
import { refuse } from '../../../shared/errors/refuse'

export interface ByteSource {
  readonly size: number
  /** the bytes from `start`, at most `length` of them (fewer at the end) */
  read(start: number, length: number): Uint8Array
}

export function memoryBytes(bytes: Uint8Array): ByteSource {
  return { size: bytes.length, read: (start, length) => bytes.subarray(start, start + length) }
}

/** Bytes given whole become a source; a source stays itself. */
export function asByteSource(bytes: Uint8Array | ByteSource): ByteSource {
  return bytes instanceof Uint8Array ? memoryBytes(bytes) : bytes
}

/**
 * The file at `path` as it is now. Every read checks the file still has the size and time it
 * had: the import reads it twice, and a file saved over in between would mix two exports.
 */
export function fileBytes(path: string): ByteSource {
  const seen = statSync(path)
  return {
    size: seen.size,
    read(start, length) {
      const now = statSync(path)
      if (now.size !== seen.size || now.mtimeMs !== seen.mtimeMs) {
        throw refuse('fileChangedWhileRead')
      }
      const piece = Buffer.allocUnsafe(Math.max(0, Math.min(length, seen.size - start)))
      const fd = openSync(path, 'r')
      try {
        let done = 0
        while (done < piece.length) {
          const n = readSync(fd, piece, done, piece.length - done, start + done)
          if (n === 0) break
          done += n
        }
        return done === piece.length ? piece : piece.subarray(0, done)
      } finally {
        closeSync(fd)
      }
    }
  }
}

/** The bytes from start to end, `pieceBytes` at a time. */
export function* bytePieces(source: ByteSource, pieceBytes: number): Generator<Uint8Array> {
  for (let at = 0; at < source.size; at += pieceBytes) yield source.read(at, pieceBytes)
}
