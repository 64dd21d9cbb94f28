/**
 * The printable document: one self-contained HTML file with exact millimetre geometry, so any
 * Chromium (Electron's printToPDF, the browser's own print, Playwright) lays it out the same.
 * Pages are @page-sized with no margin; cells are absolutely positioned in mm; calibration is
 * a transform of the whole sheet; QR codes are inline SVG; nothing is loaded from outside.
 * Fonts: the system CJK stack (Noto Sans CJK SC / Microsoft YaHei / PingFang SC), because
 * embedding a CJK font subset would need a font subsetter the app does not ship.
 */
import { cellRect, type SheetGeometry } from '../../../shared/domain/sheets'
import type { Block, Calibration, ThemeId } from '../../../shared/schemas/printing'
import { formatCode } from './codes'
import { qrSvg } from './qr-svg'
import { themes } from './themes'

/** A block after merging: text with its fields filled, a QR target resolved, a code drawn. */
export type MergedBlock =
  | (Extract<Block, { type: 'text' }> & { merged: string })
  | Extract<Block, { type: 'image' }>
  | (Extract<Block, { type: 'qr' }> & { merged: string | null })
  | (Extract<Block, { type: 'code' }> & { code: string })

export interface PlacedCard {
  page: number
  /** cell index on its page */
  cell: number
  blocks: MergedBlock[]
}

export interface DocumentSpec {
  title: string
  sheet: SheetGeometry
  theme: ThemeId
  cutMarks: boolean
  calibration: Calibration
  pages: number
  cards: PlacedCard[]
}

export const FONT_STACK = `"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", "WenQuanYi Micro Hei", sans-serif`
const MONO_STACK = `"DejaVu Sans Mono", "Noto Sans Mono CJK SC", Consolas, "Courier New", monospace`

/** Escape text for HTML content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}

const n = (v: number) => String(Math.round(v * 1000) / 1000)
const box = (b: { x: number; y: number; width: number; height: number }) => `left:${n(b.x)}mm;top:${n(b.y)}mm;width:${n(b.width)}mm;height:${n(b.height)}mm`

function blockHtml(b: MergedBlock, ink: string, accent: string): string {
  switch (b.type) {
    case 'text':
      return `<div class="b t" data-block="${escapeHtml(b.id)}" style="${box(b)};font-size:${n(b.fontSize)}pt;line-height:${n(b.lineHeight)};font-weight:${b.bold ? 700 : 400};text-align:${b.align};color:${b.accent ? accent : ink}">${escapeHtml(b.merged)}</div>`
    case 'image':
      return b.src ? `<img class="b" data-block="${escapeHtml(b.id)}" alt="" src="${escapeHtml(b.src)}" style="${box(b)};object-fit:${b.fit}">` : ''
    case 'qr': {
      const caption = b.caption ? 3.2 : 0
      const side = Math.max(0, Math.min(b.width, b.height - caption))
      // no link, no code: a placeholder on paper is worse than nothing, so the block prints empty
      // (the preview's warning says which cards and where to set the link)
      if (!b.merged) return ''
      const symbol = qrSvg(b.merged)
      return `<div class="b qr" data-block="${escapeHtml(b.id)}" style="${box(b)}"><div style="width:${n(side)}mm;height:${n(side)}mm;margin:0 auto">${symbol}</div>${
        b.caption ? `<div class="cap" style="color:${ink}">${escapeHtml(b.caption)}</div>` : ''
      }</div>`
    }
    case 'code': {
      const scratch = b.codeKind === 'scratch'
      return `<div class="b code${scratch ? ' scratch' : ''}" data-block="${escapeHtml(b.id)}" style="${box(b)};border-color:${accent}"><div class="lbl" style="color:${accent}">${escapeHtml(b.label)}</div><div class="val" style="font-size:${n(b.fontSize)}pt;color:${ink}">${escapeHtml(formatCode(b.code))}</div></div>`
    }
  }
}

/** One card's cell, as the document places it on its page. */
export function renderCell(sheet: SheetGeometry, themeId: ThemeId, card: PlacedCard): string {
  const theme = themes[themeId]
  const r = cellRect(sheet, card.cell)
  const decoSide = Math.min(sheet.cellWidth * 0.3, sheet.cellHeight * 0.4, 30)
  const deco = theme.decoration
    ? `<svg class="deco" viewBox="0 0 100 100" style="width:${n(decoSide)}mm;height:${n(decoSide)}mm">${theme.decoration}</svg>`
    : ''
  return `<div class="cell" data-cell="${card.cell}" style="${box(r)};background:${theme.paper}">${deco}${card.blocks.map((b) => blockHtml(b, theme.ink, theme.accent)).join('')}</div>`
}

/** The whole document as one HTML string. */
export function renderDocument(spec: DocumentSpec): string {
  const pages: string[][] = Array.from({ length: spec.pages }, () => [])
  for (const card of spec.cards) pages[card.page].push(renderCell(spec.sheet, spec.theme, card))
  return documentHtml(spec, pages)
}

/** The document around cells already rendered (renderCell), each page's in order. */
export function documentHtml(spec: Omit<DocumentSpec, 'cards' | 'pages'>, pages: string[][]): string {
  const { sheet, calibration: cal } = spec
  const transform = `translate(${n(cal.offsetX)}mm,${n(cal.offsetY)}mm) scale(${n(cal.scaleX)},${n(cal.scaleY)})`
  const W = n(sheet.pageWidth)
  const H = n(sheet.pageHeight)
  const radius = sheet.cornerRadius ? `${n(sheet.cornerRadius)}mm` : '0'
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${escapeHtml(spec.title)}</title>
<style>
@page { size: ${W}mm ${H}mm; margin: 0 }
html, body { margin: 0; padding: 0 }
body { font-family: ${FONT_STACK}; -webkit-print-color-adjust: exact; print-color-adjust: exact }
.page { position: relative; width: ${W}mm; height: ${H}mm; overflow: hidden; break-after: page; background: #fff }
.page:last-child { break-after: auto }
.sheet { position: absolute; left: 0; top: 0; width: ${W}mm; height: ${H}mm; transform-origin: 0 0; transform: ${transform} }
.cell { position: absolute; overflow: hidden; box-sizing: border-box;${spec.cutMarks ? ' outline: 0.2mm dashed #999; outline-offset: -0.1mm;' : ''} }
.b { position: absolute; overflow: hidden; box-sizing: border-box; margin: 0 }
.t { white-space: pre-wrap; word-break: break-all; overflow-wrap: anywhere }
.deco { position: absolute; right: 0; top: 0; opacity: .9 }
.qr .cap { font-size: 6.5pt; line-height: 3.2mm; text-align: center; white-space: nowrap }
.code { border: 0.3mm solid; border-radius: 1.5mm; display: flex; flex-direction: column; align-items: center; justify-content: center }
.code .lbl { font-size: 7pt; line-height: 1.2 }
.code .val { font-family: ${MONO_STACK}; font-weight: 700; letter-spacing: 0.08em; line-height: 1.2; white-space: nowrap }
.code.scratch { border-style: dashed; background: repeating-linear-gradient(45deg, #f2f2f2 0 1mm, #e6e6e6 1mm 2mm) }
@media screen {
  body { background: #8a8f8c; padding: 6mm 0 }
  .page { margin: 0 auto 6mm; box-shadow: 0 1mm 4mm rgba(0,0,0,.35) }
  .cell { outline: 0.2mm dashed #b5c4bc; outline-offset: -0.1mm; border-radius: ${radius} }
}
</style>
</head>
<body>
${pages.map((cells, i) => `<div class="page" data-page="${i + 1}"><div class="sheet">\n${cells.join('\n')}\n</div></div>`).join('\n')}
</body>
</html>
`
}
