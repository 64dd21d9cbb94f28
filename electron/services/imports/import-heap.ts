/**
 * How much heap the import worker gets for a file, decided before it starts: a text export by
 * its size (unpacked, for a .gz), a zip workbook by what its directory says it unpacks to.
 */
import type { ImportFile } from '../../../shared/schemas/imports'
import { fileBytes, memoryBytes, type ByteSource } from './byte-source'
import { importFileSize } from './file-input'
import { expandedSize } from './gzip-input'
import { importHeapLimitMb, workbookHeapLimitMb } from './limits'
import { declaredUnpackedBytes } from './zip-directory'

const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04

export function importHeapLimitFor(file: ImportFile): number {
  const size = importFileSize(file)
  const fromSize = importHeapLimitMb(expandedSize(file, size))
  let source: ByteSource
  try {
    source = 'path' in file ? fileBytes(file.path) : memoryBytes(Buffer.from(file.dataBase64, 'base64'))
    if (!isZip(source.read(0, 4))) return fromSize
    const unpacked = declaredUnpackedBytes(source)
    return unpacked === null ? fromSize : Math.max(fromSize, workbookHeapLimitMb(unpacked))
  } catch {
    // a file that cannot be read: the import itself says why
    return fromSize
  }
}
