/**
 * The Electron end of printing: load the generated document into a hidden window, then open
 * the system print dialog or write a PDF with printToPDF. The document sets its own @page size
 * and zero margins, so both paths ask Chromium to honour the CSS page size and add no margin.
 */
import { BrowserWindow, dialog } from 'electron'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { PrintSink } from '../services/printing/print-sink'

/** A hidden window holding the document while `use` runs; always cleaned up. */
async function withDocument<T>(html: string, use: (win: BrowserWindow) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'evergreen-print-'))
  const file = join(dir, 'cards.html')
  await writeFile(file, html, 'utf8')
  // no scripts run in the document; sandboxed like the main window
  const win = new BrowserWindow({ show: false, webPreferences: { sandbox: true, contextIsolation: true, javascript: false } })
  try {
    await win.loadFile(file)
    return await use(win)
  } finally {
    win.destroy()
    await rm(dir, { recursive: true, force: true })
  }
}

/** PDF bytes of a document, at the document's own page size. */
export async function documentToPdf(html: string): Promise<Buffer> {
  return withDocument(html, (win) =>
    win.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true, margins: { top: 0, bottom: 0, left: 0, right: 0 } })
  )
}

/** The sink the main process registers: print dialog, PDF with a save dialog, printer names. */
export function createElectronPrintSink(): PrintSink {
  return {
    print: (html, { printer }) =>
      withDocument(
        html,
        (win) =>
          new Promise<boolean>((resolve) => {
            win.webContents.print({ silent: false, printBackground: true, deviceName: printer, margins: { marginType: 'none' } }, (success) => resolve(success))
          })
      ),
    async savePdf(html, suggestedName) {
      const choice = await dialog.showSaveDialog({ defaultPath: suggestedName, filters: [{ name: 'PDF', extensions: ['pdf'] }] })
      if (choice.canceled || !choice.filePath) return null
      await writeFile(choice.filePath, await documentToPdf(html))
      return choice.filePath
    },
    async printers() {
      return withDocument('<!doctype html><title>printers</title>', async (win) => (await win.webContents.getPrintersAsync()).map((p) => p.name))
    }
  }
}
