/**
 * Fidelity of the printable document in Chromium: for every built-in label sheet, make the PDF
 * the way Electron and the e2e test do (page.pdf honouring @page), then check it from the
 * outside with poppler: every label's words (pdftotext -bbox) sit in the cell of the customer
 * they name, every inked pixel (pdftoppm) lies inside a label cell and inside its block's box
 * within 0.5 mm, and the Chinese text was set in a CJK font (never empty boxes).
 */
import { chromium, type Browser } from '@playwright/test'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test, expect } from './fixtures'
import { builtInSheets, cellRect, cellsPerSheet, type SheetGeometry } from '../../shared/domain/sheets'

const MM_PER_PT = 25.4 / 72
const DPI = 200
const MM_PER_PX = 25.4 / DPI
const TOLERANCE_MM = 0.5

interface Word {
  page: number
  text: string
  xMin: number
  xMax: number
  yMin: number
  yMax: number
}
interface CardRow {
  name: string
  page: number
  cell: number
}
interface PrintOut {
  pages: number
  cards: number
  sheet: string
  cardList: CardRow[]
}
interface BlockBox {
  x: number
  y: number
  width: number
  height: number
}

/** Words with their boxes in mm, from pdftotext -bbox. */
function pdfWords(pdf: string): Word[] {
  const xml = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' })
  const words: Word[] = []
  let page = -1
  for (const line of xml.split('\n')) {
    if (line.includes('<page ')) page++
    const m = line.match(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/)
    if (m) words.push({ page, text: m[5], xMin: +m[1] * MM_PER_PT, yMin: +m[2] * MM_PER_PT, xMax: +m[3] * MM_PER_PT, yMax: +m[4] * MM_PER_PT })
  }
  return words
}

/** Dark pixels of each page as [x, y] in mm, from a greyscale raster. */
function inkedPixels(pdf: string, dir: string): { x: number; y: number }[][] {
  execFileSync('pdftoppm', ['-gray', '-r', String(DPI), pdf, join(dir, 'raster')])
  const pages: { x: number; y: number }[][] = []
  for (let p = 1; ; p++) {
    let buf: Buffer
    try {
      buf = readFileSync(join(dir, `raster-${p}.pgm`))
    } catch {
      try {
        buf = readFileSync(join(dir, `raster-0${p}.pgm`))
      } catch {
        break
      }
    }
    // P5 header: "P5\n<w> <h>\n<max>\n"
    const header = buf
      .subarray(0, 40)
      .toString('latin1')
      .match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/)!
    const [w, h] = [Number(header[1]), Number(header[2])]
    const data = buf.subarray(header[0].length)
    const ink: { x: number; y: number }[] = []
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if (data[y * w + x] < 160) ink.push({ x: (x + 0.5) * MM_PER_PX, y: (y + 0.5) * MM_PER_PX })
    pages.push(ink)
  }
  return pages
}

const inside = (x: number, y: number, r: BlockBox, tol: number) => x >= r.x - tol && x <= r.x + r.width + tol && y >= r.y - tol && y <= r.y + r.height + tol

let browser: Browser
test.beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: process.env.EVERGREEN_CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking']
  })
})
test.afterAll(async () => browser?.close())

test('every built-in label sheet prints each label inside its cell within 0.5 mm, in a CJK font', async ({ app }) => {
  test.setTimeout(180_000)
  // the demo's first batch is its product list (no orders): print for its counter-sales file
  const demo = await app.cli<{ batches: number[] }>(['demo', '--customers', '60', '--seed', '11'])
  const salesBatch = String(demo.batches[1])
  const templates = await app.cli<{ id: number; name: string; kind: string; sheet: string }[]>(['print', 'templates'])
  const labels = templates.filter((t) => t.kind === 'label')
  expect(labels.map((t) => t.sheet)).toEqual(['avery-l7160', 'avery-l7161', 'avery-l7162', 'avery-l7163', 'avery-l7165', 'a4-2x4-borderless'])
  const dir = mkdtempSync(join(tmpdir(), 'evergreen-fidelity-'))
  const report: string[] = []

  for (const t of labels) {
    const sheet: SheetGeometry = builtInSheets[t.sheet as keyof typeof builtInSheets]
    const per = cellsPerSheet(sheet)
    const html = join(dir, `${t.sheet}.html`)
    // start at label 2 and run onto a second sheet: both pages and the skipped label are checked
    const out = await app.cli<PrintOut>([
      'print',
      '--template',
      String(t.id),
      '--batch',
      salesBatch,
      '--limit',
      String(per + 2),
      '--start-at',
      '2',
      '--preview',
      '--out',
      html
    ])
    expect(out.cards).toBe(per + 2)
    expect(out.pages).toBe(2)

    const page = await browser.newPage()
    await page.goto('file://' + html)
    // which font Chromium really used for the names: a CJK face, not a fallback box
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('DOM.enable')
    await cdp.send('CSS.enable')
    const { root } = await cdp.send('DOM.getDocument')
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '.cell [data-block="name"]' })
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId })
    expect(fonts.length).toBeGreaterThan(0)
    for (const f of fonts) expect(f.familyName).toMatch(/CJK|YaHei|PingFang|Hei|Song|Source Han/)
    const pdfPath = join(dir, `${t.sheet}.pdf`)
    writeFileSync(pdfPath, await page.pdf({ preferCSSPageSize: true, printBackground: true }))
    // the blocks of the design, as rendered (mm, relative to the cell)
    const blocks: BlockBox[] = await page.$$eval('.cell:first-child .b', (els) =>
      els.map((e) => {
        const s = (e as unknown as { style: Record<'left' | 'top' | 'width' | 'height', string> }).style
        return { x: parseFloat(s.left), y: parseFloat(s.top), width: parseFloat(s.width), height: parseFloat(s.height) }
      })
    )
    await page.close()

    const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' })
    expect(info).toMatch(/Pages:\s+2\n/)
    const size = info.match(/Page size:\s+([\d.]+) x ([\d.]+) pts/)!
    expect(Math.abs(+size[1] * MM_PER_PT - 210)).toBeLessThan(TOLERANCE_MM)
    expect(Math.abs(+size[2] * MM_PER_PT - 297)).toBeLessThan(TOLERANCE_MM)
    // every font embedded with a Unicode map: the names extract as the same Chinese text
    const fontRows = execFileSync('pdffonts', [pdfPath], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean)
    expect(fontRows.length).toBeGreaterThan(0)
    for (const row of fontRows) expect(row, row).toMatch(/\byes\s+(yes|no)\s+yes\s+\d+\s+\d+\s*$/)

    // words: each card's name is in its own cell, and every word lies inside the cell
    const words = pdfWords(pdfPath)
    let maxX = 0
    for (const card of out.cardList) {
      const r = cellRect(sheet, card.cell - 1)
      const inCell = words.filter((w) => w.page === card.page - 1 && inside((w.xMin + w.xMax) / 2, (w.yMin + w.yMax) / 2, r, 0))
      expect(inCell.map((w) => w.text).join(' '), `${t.sheet} page ${card.page} label ${card.cell}`).toContain(card.name)
      for (const w of inCell) {
        expect(w.xMin).toBeGreaterThanOrEqual(r.x - TOLERANCE_MM)
        expect(w.xMax).toBeLessThanOrEqual(r.x + r.width + TOLERANCE_MM)
      }
      // the first word starts at the name block's left edge
      const first = inCell.sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin)[0]
      maxX = Math.max(maxX, Math.abs(first.xMin - (r.x + blocks[0].x)))
    }
    expect(maxX).toBeLessThanOrEqual(TOLERANCE_MM)
    expect(words.filter((w) => w.page === 0 && inside((w.xMin + w.xMax) / 2, (w.yMin + w.yMax) / 2, cellRect(sheet, 0), 0))).toEqual([]) // label 1 skipped

    // ink: every dark pixel inside a used cell, inside one of its block boxes, within 0.5 mm
    const ink = inkedPixels(pdfPath, dir)
    expect(ink).toHaveLength(2)
    // plain loops and one assertion at the end: hundreds of thousands of pixels
    let worst = 0
    let inkTop = Infinity
    const stray: string[] = []
    const inked = new Set<string>()
    for (const [pageIndex, pixels] of ink.entries()) {
      const cards = out.cardList.filter((c) => c.page === pageIndex + 1).map((c) => ({ c, r: cellRect(sheet, c.cell - 1) }))
      for (const p of pixels) {
        const hit = cards.find(({ r }) => inside(p.x, p.y, r, TOLERANCE_MM))
        if (!hit) {
          if (stray.length < 5) stray.push(`${p.x.toFixed(2)},${p.y.toFixed(2)}`)
          continue
        }
        const r = hit.r
        inked.add(`${hit.c.page}:${hit.c.cell}`)
        inkTop = Math.min(inkTop, p.y - r.y)
        let distance = Infinity
        for (const b of blocks) {
          const dx = Math.max(r.x + b.x - p.x, 0, p.x - (r.x + b.x + b.width))
          const dy = Math.max(r.y + b.y - p.y, 0, p.y - (r.y + b.y + b.height))
          distance = Math.min(distance, Math.hypot(dx, dy))
        }
        worst = Math.max(worst, distance)
      }
    }
    expect(stray, `${t.sheet}: ink outside every label (mm)`).toEqual([])
    expect(inked.size, `${t.sheet}: labels with ink`).toBe(out.cards)
    expect(worst).toBeLessThanOrEqual(TOLERANCE_MM)
    report.push(
      `${t.sheet}: ${out.cards} labels, first-word x offset ≤ ${maxX.toFixed(3)} mm, ink outside block boxes ≤ ${worst.toFixed(3)} mm, ink starts ${inkTop.toFixed(2)} mm below the cell top`
    )
  }
  console.log(report.join('\n'))
})
