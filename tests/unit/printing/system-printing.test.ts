import { existsSync, readFileSync } from 'node:fs'
import { beforeEach, describe, expect, it, vi } from 'vitest'

// `electron` is mocked: the real module would try to download its binary.
const state = vi.hoisted(() => ({
  windows: [] as { options: Record<string, unknown>; file?: string; html?: string; destroyed: boolean }[],
  printOptions: undefined as unknown,
  pdfOptions: undefined as unknown,
  saveTo: null as string | null
}))

vi.mock('electron', () => {
  class BrowserWindow {
    rec: (typeof state.windows)[number]
    webContents = {
      print: (options: unknown, done: (ok: boolean, reason: string) => void) => {
        state.printOptions = options
        done(true, '')
      },
      printToPDF: async (options: unknown) => {
        state.pdfOptions = options
        // bytes that name the page they were made from, so a test can tell the PDF came from it
        return Buffer.from(`pdf of ${this.rec.html}`)
      },
      getPrintersAsync: async () => [{ name: 'Office Laser' }, { name: 'Label Printer' }]
    }
    constructor(options: Record<string, unknown>) {
      this.rec = { options, destroyed: false }
      state.windows.push(this.rec)
    }
    async loadFile(f: string) {
      this.rec.file = f
      this.rec.html = readFileSync(f, 'utf8')
    }
    destroy() {
      this.rec.destroyed = true
    }
  }
  return {
    BrowserWindow,
    dialog: { showSaveDialog: async () => (state.saveTo ? { canceled: false, filePath: state.saveTo } : { canceled: true }) }
  }
})

import { createElectronPrintSink, documentToPdf } from '../../../electron/system/printing'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

describe('Electron printing (electron mocked)', () => {
  beforeEach(() => {
    state.windows.length = 0
    state.saveTo = null
  })

  it('prints from a hidden, script-less window with no margins and cleans up', async () => {
    const ok = await createElectronPrintSink().print('<p>卡片</p>', { printer: 'Label Printer' })
    expect(ok).toBe(true)
    expect(state.windows[0].options).toMatchObject({ show: false, webPreferences: { sandbox: true, contextIsolation: true, javascript: false } })
    expect(state.windows[0].html).toBe('<p>卡片</p>')
    expect(state.printOptions).toMatchObject({ silent: false, printBackground: true, deviceName: 'Label Printer', margins: { marginType: 'none' } })
    expect(state.windows[0].destroyed).toBe(true)
    expect(existsSync(state.windows[0].file!)).toBe(false)
  })

  it('makes the PDF at the CSS page size with zero margins', async () => {
    const pdf = await documentToPdf('<p>x</p>')
    expect(pdf.toString()).toBe('pdf of <p>x</p>')
    expect(state.windows[0].destroyed).toBe(true)
    expect(state.pdfOptions).toEqual({ preferCSSPageSize: true, printBackground: true, margins: { top: 0, bottom: 0, left: 0, right: 0 } })
  })

  it('saves the PDF where the user chose, and nothing when they cancel', async () => {
    const sink = createElectronPrintSink()
    expect(await sink.savePdf('<p>x</p>', 'cards.pdf')).toBeNull()
    state.saveTo = join(mkdtempSync(join(tmpdir(), 'eg-pdf-')), 'out.pdf')
    expect(await sink.savePdf('<p>卡片</p>', 'cards.pdf')).toBe(state.saveTo)
    expect(readFileSync(state.saveTo, 'utf8')).toBe('pdf of <p>卡片</p>')
  })

  it('lists the system printers', async () => {
    expect(await createElectronPrintSink().printers()).toEqual(['Office Laser', 'Label Printer'])
  })
})
