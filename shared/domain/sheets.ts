/**
 * The label-sheet and page library, in millimetres. A sheet is a page cut into a grid of
 * equal cells: a plain page is a 1×1 grid, an Avery sheet uses the maker's published top and
 * side margins and pitches (pitch = distance from one cell's edge to the next cell's same
 * edge, so the gap is pitch − size). Pure data and arithmetic: no I/O.
 */
import type { DomainError } from '../result'
import { refuse } from '../errors/refuse'

export interface SheetGeometry {
  id: string
  /** what staff see in the picker */
  name: string
  kind: 'page' | 'labels'
  pageWidth: number
  pageHeight: number
  columns: number
  rows: number
  cellWidth: number
  cellHeight: number
  /** from the page's top edge to the first row's top edge */
  marginTop: number
  /** from the page's left edge to the first column's left edge */
  marginLeft: number
  /** horizontal pitch: left edge to left edge of neighbouring columns */
  pitchX: number
  /** vertical pitch: top edge to top edge of neighbouring rows */
  pitchY: number
  /** corner radius of die-cut labels, for the on-screen outline only */
  cornerRadius?: number
}

export interface CellRect {
  /** 0-based index on the sheet, row by row */
  index: number
  row: number
  column: number
  x: number
  y: number
  width: number
  height: number
}

const A4 = { pageWidth: 210, pageHeight: 297 }

function page(id: string, name: string, w: number, h: number): SheetGeometry {
  return {
    id,
    name,
    kind: 'page',
    pageWidth: w,
    pageHeight: h,
    columns: 1,
    rows: 1,
    cellWidth: w,
    cellHeight: h,
    marginTop: 0,
    marginLeft: 0,
    pitchX: w,
    pitchY: h
  }
}

/** An Avery-style grid on A4: size, counts, margins and pitches as the maker publishes them. */
function a4Labels(
  id: string,
  name: string,
  columns: number,
  rows: number,
  w: number,
  h: number,
  top: number,
  left: number,
  pitchX: number,
  pitchY: number,
  cornerRadius = 0
): SheetGeometry {
  return { id, name, kind: 'labels', ...A4, columns, rows, cellWidth: w, cellHeight: h, marginTop: top, marginLeft: left, pitchX, pitchY, cornerRadius }
}

/** The built-in sheets, keyed by id. */
export const builtInSheets = {
  a4: page('a4', 'A4 (210×297)', 210, 297),
  a5: page('a5', 'A5 (148×210)', 148, 210),
  a6: page('a6', 'A6 (105×148)', 105, 148),
  'a4-4up': {
    id: 'a4-4up',
    name: 'A4 四拼 (4-up A6, 105×148.5)',
    kind: 'page',
    ...A4,
    columns: 2,
    rows: 2,
    cellWidth: 105,
    cellHeight: 148.5,
    marginTop: 0,
    marginLeft: 0,
    pitchX: 105,
    pitchY: 148.5
  },
  'avery-l7160': a4Labels('avery-l7160', 'Avery L7160 (3×7, 63.5×38.1)', 3, 7, 63.5, 38.1, 15.15, 7.25, 66.04, 38.1, 2.5),
  'avery-l7161': a4Labels('avery-l7161', 'Avery L7161 (3×6, 63.5×46.6)', 3, 6, 63.5, 46.6, 8.8, 7.25, 66.04, 46.6, 2.5),
  'avery-l7162': a4Labels('avery-l7162', 'Avery L7162 (2×8, 99.1×33.9)', 2, 8, 99.1, 33.9, 12.9, 4.65, 101.6, 33.9, 2.5),
  'avery-l7163': a4Labels('avery-l7163', 'Avery L7163 (2×7, 99.1×38.1)', 2, 7, 99.1, 38.1, 15.15, 4.65, 101.6, 38.1, 2.5),
  'avery-l7165': a4Labels('avery-l7165', 'Avery L7165 (2×4, 99.1×67.7)', 2, 4, 99.1, 67.7, 13.1, 4.65, 101.6, 67.7, 2.5),
  'a4-2x4-borderless': a4Labels('a4-2x4-borderless', 'A4 无边距 2×4 (105×74.25)', 2, 4, 105, 74.25, 0, 0, 105, 74.25)
} satisfies Record<string, SheetGeometry>

export type BuiltInSheetId = keyof typeof builtInSheets
export const builtInSheetIds = Object.keys(builtInSheets) as BuiltInSheetId[]
/** The built-in sheets that are label sheets (each gets an address-label template). */
export const builtInLabelSheetIds = builtInSheetIds.filter((id) => builtInSheets[id].kind === 'labels')

export interface CustomGridSpec {
  pageWidth: number
  pageHeight: number
  columns: number
  rows: number
  cellWidth: number
  cellHeight: number
  marginTop: number
  marginLeft: number
  /** gaps between cells; pitch = size + gap */
  gapX?: number
  gapY?: number
  name?: string
}

/** A custom grid in millimetres, as typed in the designer. */
export function customGrid(spec: CustomGridSpec): SheetGeometry {
  const gapX = spec.gapX ?? 0
  const gapY = spec.gapY ?? 0
  return {
    id: 'custom',
    name: spec.name ?? `自定义 ${spec.columns}×${spec.rows} (${spec.cellWidth}×${spec.cellHeight})`,
    kind: spec.columns * spec.rows > 1 ? 'labels' : 'page',
    pageWidth: spec.pageWidth,
    pageHeight: spec.pageHeight,
    columns: spec.columns,
    rows: spec.rows,
    cellWidth: spec.cellWidth,
    cellHeight: spec.cellHeight,
    marginTop: spec.marginTop,
    marginLeft: spec.marginLeft,
    pitchX: spec.cellWidth + gapX,
    pitchY: spec.cellHeight + gapY
  }
}

/** Cells on one sheet. */
export function cellsPerSheet(sheet: SheetGeometry): number {
  return sheet.columns * sheet.rows
}

/** The rectangle of cell `index` (0-based, row by row), in mm from the page's top-left corner. */
export function cellRect(sheet: SheetGeometry, index: number): CellRect {
  const row = Math.floor(index / sheet.columns)
  const column = index % sheet.columns
  return {
    index,
    row,
    column,
    x: round(sheet.marginLeft + column * sheet.pitchX),
    y: round(sheet.marginTop + row * sheet.pitchY),
    width: sheet.cellWidth,
    height: sheet.cellHeight
  }
}

/** Every cell of a sheet in print order. */
export function allCells(sheet: SheetGeometry): CellRect[] {
  return Array.from({ length: cellsPerSheet(sheet) }, (_, i) => cellRect(sheet, i))
}

/** Problems that make a sheet unprintable as described, each a catalogued refusal (the first is thrown on save): empty when it is sound. */
export function sheetProblems(sheet: SheetGeometry): DomainError[] {
  const problems: DomainError[] = []
  const tol = 0.01
  if (!(sheet.pageWidth > 0 && sheet.pageHeight > 0)) problems.push(refuse('sheetPageSizeNotPositive'))
  if (!(sheet.cellWidth > 0 && sheet.cellHeight > 0)) problems.push(refuse('sheetCellSizeNotPositive'))
  if (!(Number.isInteger(sheet.columns) && Number.isInteger(sheet.rows) && sheet.columns >= 1 && sheet.rows >= 1)) problems.push(refuse('sheetGridNotWhole'))
  if (sheet.columns > 1 && sheet.pitchX < sheet.cellWidth - tol) problems.push(refuse('sheetOverlapsAcross'))
  if (sheet.rows > 1 && sheet.pitchY < sheet.cellHeight - tol) problems.push(refuse('sheetOverlapsDown'))
  if (sheet.marginLeft < -tol || sheet.marginTop < -tol) problems.push(refuse('sheetNegativeMargin'))
  const right = sheet.marginLeft + (sheet.columns - 1) * sheet.pitchX + sheet.cellWidth
  const bottom = sheet.marginTop + (sheet.rows - 1) * sheet.pitchY + sheet.cellHeight
  if (right > sheet.pageWidth + tol) problems.push(refuse('sheetOffRight', { mm: round(right - sheet.pageWidth) }))
  if (bottom > sheet.pageHeight + tol) problems.push(refuse('sheetOffBottom', { mm: round(bottom - sheet.pageHeight) }))
  return problems
}

/** A sheet by built-in id; undefined for an unknown id. */
export function sheetById(id: string): SheetGeometry | undefined {
  return (builtInSheets as Record<string, SheetGeometry>)[id]
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000
}
