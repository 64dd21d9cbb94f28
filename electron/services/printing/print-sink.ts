/**
 * Where a finished document goes to be printed. Only Electron can open the system print
 * dialog or make a PDF itself (electron/system/printing.ts); the main process registers that
 * sink at start-up. The browser host and the CLI have none: the UI then opens the document in
 * a new tab for the browser's own print, and the CLI writes the HTML file.
 */
export interface PrintSink {
  /** open the system print dialog for the document; true when it was sent to a printer */
  print(html: string, options: { printer?: string }): Promise<boolean>
  /** ask where to save, then write a PDF of the document; the path, or null when cancelled */
  savePdf(html: string, suggestedName: string): Promise<string | null>
  /** the system's printer names */
  printers(): Promise<string[]>
}

let sink: PrintSink | null = null

/** Called once by the Electron main process. */
export function registerPrintSink(s: PrintSink | null): void {
  sink = s
}

/** The registered sink, or null where printing goes through the browser. */
export function currentPrintSink(): PrintSink | null {
  return sink
}
