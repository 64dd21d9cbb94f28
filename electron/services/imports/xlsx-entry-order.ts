/**
 * exceljs' streaming reader parses a worksheet as it passes only when the shared strings and
 * the workbook's relations came before it in the zip. Otherwise it copies the worksheet's XML
 * (customers' names and phones) into a temp file that is removed only when the process exits
 * normally: a crash or a kill leaves personal data in the system temp folder for good. Excel
 * itself writes the worksheets first. So such a workbook is rewritten, stored without
 * compression, with those parts first (and an empty string table when it has none) before
 * exceljs sees it. Workbooks already in that order pass untouched.
 */
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate'
import { DomainError } from '../../../shared/result'

const FIRST = ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/styles.xml']
const WORKSHEET = /^xl\/worksheets\/sheet\d+\.xml$/
const EMPTY_STRINGS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>'
/** Unpacked, a workbook larger than this is refused rather than held in memory (a zip bomb). */
export const MAX_UNPACKED_BYTES = 512 * 1024 * 1024

/** The entry names in zip order, read from the headers without unpacking anything. */
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

/** True when every worksheet comes after the shared strings and the workbook relations. */
export function readableInPassing(names: string[]): boolean {
  const firstSheet = names.findIndex((n) => WORKSHEET.test(n))
  if (firstSheet < 0) return true
  const before = (name: string) => {
    const i = names.indexOf(name)
    return i >= 0 && i < firstSheet
  }
  return before('xl/sharedStrings.xml') && before('xl/_rels/workbook.xml.rels')
}

/** The workbook with the parts exceljs needs first in the zip; the same bytes when they already are. */
export function partsBeforeWorksheets(bytes: Uint8Array): Uint8Array {
  const { names, unpackedBytes } = entryNames(bytes)
  if (readableInPassing(names)) return bytes
  if (unpackedBytes > MAX_UNPACKED_BYTES) {
    throw new DomainError(
      'UNREADABLE_FILE',
      `工作簿解压后超过 ${MAX_UNPACKED_BYTES / 1024 / 1024} MB，请另存为 CSV 后导入。 (the workbook unpacks to more than 512 MB: save it as CSV)`
    )
  }
  const files = unzipSync(bytes)
  if (!files['xl/sharedStrings.xml']) files['xl/sharedStrings.xml'] = strToU8(EMPTY_STRINGS)
  const ordered: Zippable = {}
  for (const name of FIRST) if (files[name]) ordered[name] = files[name]
  for (const [name, data] of Object.entries(files)) if (!(name in ordered) && !name.endsWith('/')) ordered[name] = data
  return zipSync(ordered, { level: 0 })
}
