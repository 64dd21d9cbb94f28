/**
 * What a zip workbook holds, checked before SheetJS reads it: whether it is an OpenDocument
 * spreadsheet or an .xlsx, whether it would unpack past the memory bound, whether every
 * entry's compressed data inflates at all, and how far its sheets reach.
 */
import { unzipSync } from 'fflate'
import { MAX_UNPACKED_BYTES, unpacksTooLarge } from './limits'
import { latin1, odsTableExtents, xlsxSheetExtent, type SheetExtent } from './sheet-extents'

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

export interface ZipWorkbookCheck {
  /** the first entry whose compressed data does not inflate, as an error; null when all do */
  failure: Error | null
  /** how far each sheet reaches (sheet-extents), in entry order: .xlsx worksheets, .ods tables */
  sheets: (SheetExtent & { entry: string })[]
}

/** Where SheetJS finds a workbook's sheets: any XML part of an .xlsx (a worksheet may live at any path its rels name), content.xml of an .ods. */
const sheetEntry = (name: string, format: 'xlsx' | 'ods') => (format === 'ods' ? name === 'content.xml' : /\.xml$/i.test(name))

function sheetExtents(entry: string, xml: string, format: 'xlsx' | 'ods'): ZipWorkbookCheck['sheets'] {
  if (format === 'ods') return odsTableExtents(xml).map((t) => ({ entry, ...t }))
  const extent = xlsxSheetExtent(xml)
  return extent.cells > 0 ? [{ entry, ...extent }] : []
}

/**
 * Every entry inflated by fflate, one at a time and thrown away, so the check holds at most one
 * unpacked entry; each sheet's XML scanned on the way for how far it reaches. SheetJS's own
 * inflater does not notice damaged data: it hands back garbage (the sheet reads as empty,
 * telling the user the file holds no data) or, on some flipped bits, never returns. Entries
 * are found through the central directory, as SheetJS finds them.
 */
export function checkZipWorkbook(bytes: Uint8Array, format: 'xlsx' | 'ods'): ZipWorkbookCheck {
  const sheets: ZipWorkbookCheck['sheets'] = []
  let names: string[]
  try {
    names = entryNames(bytes).names
  } catch (e) {
    return { failure: e as Error, sheets }
  }
  for (const name of new Set(names)) {
    let data: Uint8Array | undefined
    try {
      data = unzipSync(bytes, { filter: (f) => f.name === name })[name]
    } catch (e) {
      return { failure: new Error(`${name}: ${(e as Error).message}`), sheets }
    }
    if (data && sheetEntry(name, format)) sheets.push(...sheetExtents(name, latin1(data), format))
  }
  return { failure: null, sheets }
}
