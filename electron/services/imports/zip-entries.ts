/**
 * What a zip workbook holds, checked before SheetJS reads it: whether it is an OpenDocument
 * spreadsheet or an .xlsx, whether it would unpack past the memory bound, and whether every
 * entry's compressed data inflates at all.
 */
import { unzipSync } from 'fflate'
import { MAX_UNPACKED_BYTES, unpacksTooLarge } from './limits'

/** The entry names in zip order and the sizes they declare unpacked. */
export function entryNames(bytes: Uint8Array): { names: string[]; unpackedBytes: number } {
  const names: string[] = []
  let unpackedBytes = 0
  unzipSync(bytes, {
    filter: (f) => {
      names.push(f.name)
      unpackedBytes += f.originalSize
      return false
    }
  })
  return { names, unpackedBytes }
}

/**
 * 'ods' for an OpenDocument spreadsheet (content.xml and no xl/workbook.xml, found by the entry
 * names, not by a "mimetype" first entry: not every writer puts it first), else 'xlsx'. A zip
 * too damaged to list is left to the workbook reader, which says the workbook is damaged.
 * Throws for a workbook that declares more than MAX_UNPACKED_BYTES unpacked.
 */
export function zipWorkbookFormat(bytes: Uint8Array): 'xlsx' | 'ods' {
  let listed: ReturnType<typeof entryNames>
  try {
    listed = entryNames(bytes)
  } catch {
    return 'xlsx'
  }
  if (listed.unpackedBytes > MAX_UNPACKED_BYTES) throw unpacksTooLarge()
  return listed.names.includes('content.xml') && !listed.names.includes('xl/workbook.xml') ? 'ods' : 'xlsx'
}

/**
 * The first entry whose compressed data does not inflate, as an error; null when all do.
 * SheetJS's own inflater does not notice such damage: it hands back garbage (the sheet reads
 * as empty, telling the user the file holds no data) or, on some flipped bits, never returns.
 * Each entry is inflated by fflate, found through the central directory as SheetJS finds it,
 * one entry at a time and thrown away, so the check holds at most one unpacked entry.
 */
export function inflateFailure(bytes: Uint8Array): Error | null {
  let names: string[]
  try {
    names = entryNames(bytes).names
  } catch (e) {
    return e as Error
  }
  for (const name of new Set(names)) {
    try {
      unzipSync(bytes, { filter: (f) => f.name === name })
    } catch (e) {
      return new Error(`${name}: ${(e as Error).message}`)
    }
  }
  return null
}
