/** The file the user gave: a path (Electron, CLI) or its bytes in base64 (browser host). */
import { readFileSync, statSync } from 'node:fs'
import { basename } from 'node:path'
import { createHash } from 'node:crypto'
import { DomainError } from '../../../shared/result'
import type { ImportFile } from '../../../shared/schemas/imports'
import { MAX_FILE_BYTES } from './limits'

export interface LoadedFile {
  name: string
  bytes: Uint8Array
  size: number
  hash: string
}

/** Read the bytes of an import file. */
export function loadImportFile(file: ImportFile): LoadedFile {
  let name: string
  let bytes: Buffer
  if ('path' in file) {
    name = basename(file.path)
    let size: number
    try {
      const info = statSync(file.path)
      if (!info.isFile()) throw new Error('not a file')
      size = info.size
    } catch {
      throw new DomainError('NOT_FOUND', `找不到文件 ${file.path} (no such file)`)
    }
    if (size > MAX_FILE_BYTES) {
      throw new DomainError('UNREADABLE_FILE', `文件超过 ${MAX_FILE_BYTES / 1024 / 1024} MB，请按月份分开导出。 (larger than 256 MB: export it month by month)`)
    }
    bytes = readFileSync(file.path)
  } else {
    name = file.name
    bytes = Buffer.from(file.dataBase64, 'base64')
  }
  return { name, bytes, size: bytes.length, hash: createHash('sha256').update(bytes).digest('hex') }
}
