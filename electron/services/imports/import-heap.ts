/**
 * How much heap the import worker gets for a file, decided before it starts: a text export by
 * its size (unpacked, for a .gz), a zip workbook by what its directory says it unpacks to, an
 * .xls/.et by its size at the rate SheetJS needs for BIFF.
 */
import type { ImportFile } from '../../../shared/schemas/imports'
import { fileBytes, memoryBytes, type ByteSource } from './byte-source'
import { importFileSize } from './file-input'
import { expandedSize } from './gzip-input'
import { biffHeapLimitMb, importHeapLimitMb, workbookHeapLimitMb } from './limits'
import { declaredUnpackedBytes } from './zip-directory'

const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04
const isOle = (b: Uint8Array) => b.length >= 4 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0

export function importHeapLimitFor(file: ImportFile): number {
  const size = importFileSize(file)
  const fromSize = importHeapLimitMb(expandedSize(file, size))
  let source: ByteSource
  try {
    source = 'path' in file ? fileBytes(file.path) : memoryBytes(Buffer.from(file.dataBase64, 'base64'))
    const magic = source.read(0, 4)
    if (isOle(magic)) return Math.max(fromSize, biffHeapLimitMb(size))
    if (!isZip(magic)) return fromSize
    const unpacked = declaredUnpackedBytes(source)
    return unpacked === null ? fromSize : Math.max(fromSize, workbookHeapLimitMb(unpacked))
  } catch {
    // a file that cannot be read: the import itself says why
    return fromSize
  }
}
