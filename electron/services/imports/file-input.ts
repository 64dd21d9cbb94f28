/** The file the user gave: a path (Electron, CLI) or its bytes in base64 (browser host). */
import { statSync } from 'node:fs'
import { basename } from 'node:path'
import { createHash } from 'node:crypto'
import type { ImportFile } from '../../../shared/schemas/imports'
import { bytePieces, fileBytes, memoryBytes, type ByteSource } from './byte-source'
import { PIECE_BYTES } from './decode'
import { fileTooLarge, MAX_FILE_BYTES } from './limits'
import { refuse } from '../../../shared/errors/refuse'

export interface LoadedFile {
  name: string
  /** read from disk a piece at a time when the file came as a path */
  bytes: ByteSource
  size: number
  hash: string
}

/** Find an import file and fingerprint it; a file on disk is not read into memory. */
export function loadImportFile(file: ImportFile): LoadedFile {
  let name: string
  let bytes: ByteSource
  if ('path' in file) {
    name = basename(file.path)
    try {
      if (!statSync(file.path).isFile()) throw new Error('not a file')
    } catch {
      throw refuse('fileNotFound', { path: file.path })
    }
    bytes = fileBytes(file.path)
    if (bytes.size > MAX_FILE_BYTES) {
      throw fileTooLarge()
    }
  } else {
    name = file.name
    bytes = memoryBytes(Buffer.from(file.dataBase64, 'base64'))
  }
  const hash = createHash('sha256')
  for (const piece of bytePieces(bytes, PIECE_BYTES)) hash.update(piece)
  return { name, bytes, size: bytes.size, hash: hash.digest('hex') }
}

/** How big the file is, without reading it (0 when it cannot be found: the import says so). */
export function importFileSize(file: ImportFile): number {
  if (!('path' in file)) return Math.floor((file.dataBase64.length * 3) / 4)
  try {
    return statSync(file.path).size
  } catch {
    return 0
  }
}
