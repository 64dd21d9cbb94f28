/**
 * What a zip declares it unpacks to, read from its central directory at the end of the file
 * (a few kilobytes), without reading or inflating the entries. It sizes the import worker's
 * heap for a workbook before the worker starts: SheetJS lays a workbook's sheets out in
 * memory, in proportion to their unpacked XML, not to the compressed file.
 */
import type { ByteSource } from './byte-source'

const END_OF_DIRECTORY = 0x06054b50
const DIRECTORY_ENTRY = 0x02014b50
/** the end record is 22 bytes, followed by a comment of at most 65,535 */
const TAIL = 22 + 0xffff

/**
 * The sum of the unpacked sizes the entries declare; null when the bytes are no zip with a
 * readable directory (the reader then says what is wrong) or when it uses zip64 sizes.
 */
export function declaredUnpackedBytes(source: ByteSource): number | null {
  const start = Math.max(0, source.size - TAIL)
  const tail = Buffer.from(source.read(start, source.size - start))
  let end = -1
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === END_OF_DIRECTORY) {
      end = i
      break
    }
  }
  if (end < 0) return null
  const entries = tail.readUInt16LE(end + 10)
  const directoryBytes = tail.readUInt32LE(end + 12)
  const directoryAt = tail.readUInt32LE(end + 16)
  if (entries === 0xffff || directoryAt === 0xffffffff || directoryAt + directoryBytes > source.size) return null
  const directory = Buffer.from(source.read(directoryAt, directoryBytes))
  let total = 0
  let at = 0
  for (let n = 0; n < entries; n++) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== DIRECTORY_ENTRY) return null
    const unpacked = directory.readUInt32LE(at + 24)
    if (unpacked === 0xffffffff) return null
    total += unpacked
    at += 46 + directory.readUInt16LE(at + 28) + directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32)
  }
  return total
}
