import { describe, expect, it } from 'vitest'
import { builtInSheets } from '../../../shared/domain/sheets'
import { escapeHtml, renderDocument, type PlacedCard } from '../../../electron/services/printing/render-html'
import { qrSvg } from '../../../electron/services/printing/qr-svg'

const none = { offsetX: 0, offsetY: 0, scaleX: 1, scaleY: 1 }
const label = (cell: number, text: string): PlacedCard => ({
  page: 0,
  cell,
  blocks: [
    {
      id: 'name',
      type: 'text',
      x: 3,
      y: 3,
      width: 50,
      height: 6,
      text: '{{姓名}}',
      merged: text,
      fontSize: 10,
      bold: false,
      align: 'left',
      accent: false,
      lineHeight: 1.3
    }
  ]
})

describe('the printable document', () => {
  it('sets the page size in mm with no margin and places each cell at its sheet position', () => {
    const html = renderDocument({
      title: 't',
      sheet: builtInSheets['avery-l7160'],
      theme: 'plain',
      cutMarks: false,
      calibration: none,
      pages: 1,
      cards: [label(4, '王芳')]
    })
    expect(html).toContain('@page { size: 210mm 297mm; margin: 0 }')
    expect(html).toContain('data-cell="4" style="left:73.29mm;top:53.25mm;width:63.5mm;height:38.1mm')
    expect(html).toContain('left:3mm;top:3mm;width:50mm;height:6mm;font-size:10pt')
    expect(html).toContain('>王芳</div>')
  })

  it('applies the calibration as one transform of the whole sheet', () => {
    const html = renderDocument({
      title: 't',
      sheet: builtInSheets.a6,
      theme: 'plain',
      cutMarks: false,
      calibration: { offsetX: 1.5, offsetY: -0.75, scaleX: 0.99, scaleY: 1.01 },
      pages: 1,
      cards: []
    })
    expect(html).toContain('@page { size: 105mm 148mm; margin: 0 }')
    expect(html).toContain('transform: translate(1.5mm,-0.75mm) scale(0.99,1.01)')
  })

  it('starts a new page element per sheet and escapes merged text', () => {
    const cards = [label(0, '<b>A&B</b>'), { ...label(1, 'x'), page: 1 }]
    const html = renderDocument({ title: '"t"', sheet: builtInSheets['a4-4up'], theme: 'birthday', cutMarks: true, calibration: none, pages: 2, cards })
    expect(html.match(/class="page"/g)).toHaveLength(2)
    expect(html).toContain('&lt;b&gt;A&amp;B&lt;/b&gt;')
    expect(html).toContain('<title>&quot;t&quot;</title>')
    expect(html).toContain('class="deco"')
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/)
  })

  it('draws QR codes as inline SVG', () => {
    const svg = qrSvg('https://shop.example.com/p/1')
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 33 33"/) // 28 bytes at level M: version 3 (29 modules) + 2 quiet modules each side
    expect(svg).toContain('<path d="M')
    expect(escapeHtml(`a'b`)).toBe('a&#39;b')
  })
})
