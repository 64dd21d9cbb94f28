import { describe, expect, it, test } from 'vitest'
import { formatError } from '../../../shared/errors/messages'
import {
  allCells,
  builtInLabelSheetIds,
  builtInSheetIds,
  builtInSheets,
  cellRect,
  cellsPerSheet,
  customGrid,
  sheetProblems
} from '../../../shared/domain/sheets'

describe('the built-in sheet library', () => {
  test.each(builtInSheetIds)('%s: every cell lies inside the page and no two cells overlap', (id) => {
    const sheet = builtInSheets[id]
    expect(sheetProblems(sheet)).toEqual([])
    const cells = allCells(sheet)
    expect(cells).toHaveLength(sheet.columns * sheet.rows)
    for (const c of cells) {
      expect(c.x).toBeGreaterThanOrEqual(0)
      expect(c.y).toBeGreaterThanOrEqual(0)
      expect(c.x + c.width).toBeLessThanOrEqual(sheet.pageWidth + 1e-9)
      expect(c.y + c.height).toBeLessThanOrEqual(sheet.pageHeight + 1e-9)
    }
    for (const a of cells)
      for (const b of cells) {
        if (a.index >= b.index) continue
        const overlapX = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
        const overlapY = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
        expect(overlapX <= 1e-9 || overlapY <= 1e-9, `cells ${a.index} and ${b.index} overlap`).toBe(true)
      }
  })

  // the maker's published figures: count, label size, top and side margin, pitches (mm)
  test.each([
    ['avery-l7160', 3, 7, 63.5, 38.1, 15.15, 7.25, 66.04, 38.1],
    ['avery-l7161', 3, 6, 63.5, 46.6, 8.8, 7.25, 66.04, 46.6],
    ['avery-l7162', 2, 8, 99.1, 33.9, 12.9, 4.65, 101.6, 33.9],
    ['avery-l7163', 2, 7, 99.1, 38.1, 15.15, 4.65, 101.6, 38.1],
    ['avery-l7165', 2, 4, 99.1, 67.7, 13.1, 4.65, 101.6, 67.7],
    ['a4-2x4-borderless', 2, 4, 105, 74.25, 0, 0, 105, 74.25]
  ] as const)('%s has %i×%i labels of %f×%f mm, margins %f/%f, pitch %f×%f', (id, cols, rows, w, h, top, left, px, py) => {
    const s = builtInSheets[id]
    expect([s.columns, s.rows, s.cellWidth, s.cellHeight, s.marginTop, s.marginLeft, s.pitchX, s.pitchY]).toEqual([cols, rows, w, h, top, left, px, py])
    expect([s.pageWidth, s.pageHeight]).toEqual([210, 297])
    const last = cellRect(s, cellsPerSheet(s) - 1)
    expect(last.x).toBeCloseTo(left + (cols - 1) * px, 6)
    expect(last.y).toBeCloseTo(top + (rows - 1) * py, 6)
  })

  it('places L7160 label 5 (second row, middle column) at 73.29 mm, 53.25 mm', () => {
    expect(cellRect(builtInSheets['avery-l7160'], 4)).toEqual({ index: 4, row: 1, column: 1, x: 73.29, y: 53.25, width: 63.5, height: 38.1 })
  })

  it('leaves L7163 symmetric: 15.15 mm above and below, 4.65 mm left and right', () => {
    const s = builtInSheets['avery-l7163']
    const last = cellRect(s, 13)
    expect(297 - (last.y + last.height)).toBeCloseTo(15.15, 6)
    expect(210 - (last.x + last.width)).toBeCloseTo(4.65, 6)
  })

  it('cuts the 4-up A4 into four A6-sized quarters and the borderless 2×4 into eight edge-to-edge cells', () => {
    expect(allCells(builtInSheets['a4-4up']).map((c) => [c.x, c.y])).toEqual([
      [0, 0],
      [105, 0],
      [0, 148.5],
      [105, 148.5]
    ])
    const b = allCells(builtInSheets['a4-2x4-borderless'])
    expect(b[7].x + b[7].width).toBe(210)
    expect(b[7].y + b[7].height).toBe(297)
  })

  it('has single-cell A4, A5 and A6 pages', () => {
    expect(
      ['a4', 'a5', 'a6'].map((id) => {
        const s = builtInSheets[id as 'a4']
        return [s.pageWidth, s.pageHeight, cellsPerSheet(s)]
      })
    ).toEqual([
      [210, 297, 1],
      [148, 210, 1],
      [105, 148, 1]
    ])
  })

  it('lists the six label sheets that get an address-label template', () => {
    expect(builtInLabelSheetIds).toEqual(['avery-l7160', 'avery-l7161', 'avery-l7162', 'avery-l7163', 'avery-l7165', 'a4-2x4-borderless'])
  })
})

describe('custom grids', () => {
  it('turns gaps into pitches', () => {
    const g = customGrid({
      pageWidth: 210,
      pageHeight: 297,
      columns: 4,
      rows: 10,
      cellWidth: 48.5,
      cellHeight: 25.4,
      marginTop: 21.5,
      marginLeft: 8,
      gapX: 0,
      gapY: 0
    })
    expect([g.pitchX, g.pitchY, g.kind]).toEqual([48.5, 25.4, 'labels'])
    expect(sheetProblems(g)).toEqual([])
    expect(cellRect(g, 39)).toMatchObject({ x: 153.5, y: 250.1 })
  })

  it('reports a grid that runs off the page and one whose labels overlap', () => {
    const off = customGrid({ pageWidth: 210, pageHeight: 297, columns: 3, rows: 8, cellWidth: 70, cellHeight: 37, marginTop: 5, marginLeft: 5 })
    const problems = sheetProblems(off).map((e) => ({ code: e.code, key: e.key, params: e.params }))
    expect(problems).toEqual([
      { code: 'BAD_INPUT', key: 'sheetOffRight', params: { mm: 5 } },
      { code: 'BAD_INPUT', key: 'sheetOffBottom', params: { mm: 4 } }
    ])
    expect(formatError('sheetOffRight', { mm: 5 }, 'zh-CN')).toBe('标签超出纸张右边 5 mm')
    expect(formatError('sheetOffRight', { mm: 5 }, 'en')).toBe('the labels run 5 mm off the right edge')
    const overlap = { ...off, marginLeft: 0, pitchX: 60, marginTop: 0, pitchY: 37 }
    expect(sheetProblems(overlap).map((e) => e.key)).toEqual(['sheetOverlapsAcross'])
  })
})
