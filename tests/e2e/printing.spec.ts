/**
 * 售后卡 in Chromium over the browser host: design a card (change a text block, set the shop
 * name), preview it merged for the demo shop's sleeping customers with warnings, open the
 * printable page, make its PDF the way the browser would print it, and check the pages.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Page } from '@playwright/test'
import { test, expect, screenshot } from './fixtures'

const shots = resolve(__dirname, '../../test-results/screenshots')

test('designs an insert card, previews it merged for real customers and saves a PDF whose pages are checked', async ({ page, app }) => {
  test.setTimeout(120_000)
  await app.cli(['demo', '--customers', '80', '--seed', '7'])
  await page.goto(app.url)
  await page.getByTestId('nav-cards').click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('售后卡')
  await expect(page.getByTestId('template-list').getByRole('button')).toHaveCount(9)
  await expect(page.getByTestId('template-name')).toHaveValue('A6 售后卡')

  // design: the shop name and the greeting of the default card
  await page.getByTestId('shop-name').fill('常青母婴')
  await page.getByTestId('shop-name').press('Tab')
  await page.getByTestId('block-greeting').click()
  await page.getByTestId('block-text').fill('{{称呼}}，谢谢您一直以来的支持！')
  await expect(page.getByTestId('unsaved')).toBeVisible()
  await page.getByTestId('save-template').click()
  await expect(page.getByTestId('unsaved')).toBeHidden()

  // the sleeping customers get the come-back version, the rest the edited default: print for the active ones
  await page.getByTestId('target-kind').selectOption('stage')
  await page.getByTestId('target-value').selectOption('active')
  await page.getByTestId('preview-run').click()
  const summary = page.getByTestId('preview-summary')
  await expect(summary).toHaveText(/\d+ 张 · \d+ 页/)
  const [cards, pages] = (await summary.textContent())!.match(/\d+/g)!.map(Number)
  expect(cards).toBeGreaterThan(3)
  expect(pages).toBe(cards) // one A6 card per page
  const warnings = page.getByTestId('preview-warnings')
  await expect(warnings).toContainText('打印前请检查')
  await expect(warnings.locator('[data-kind="missing-qr"]').first()).toContainText('没有可用的二维码链接')
  await expect(warnings).not.toContainText('{{店名}} 为空')
  const frame = page.frameLocator('[data-testid="preview-frame"]')
  await expect(frame.locator('.page')).toHaveCount(pages)
  await expect(frame.locator('.page').first()).toContainText('常青母婴')
  await expect(frame.locator('[data-block="greeting"]').first()).toContainText('，谢谢您一直以来的支持！')
  await screenshot(page, 'cards-preview')

  // the browser host prints from a new tab: the printable page, made into a PDF as Chromium prints it
  const popupPromise = page.waitForEvent('popup')
  await page.getByTestId('open-printable').click()
  const popup = await popupPromise
  await popup.waitForLoadState()
  await expect(popup.locator('.page')).toHaveCount(pages)
  const dir = mkdtempSync(join(tmpdir(), 'evergreen-cards-'))
  const pdf = join(dir, 'cards.pdf')
  writeFileSync(pdf, await popup.pdf({ preferCSSPageSize: true, printBackground: true }))
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })
  expect(info).toMatch(new RegExp(`Pages:\\s+${pages}\\n`))
  const size = info.match(/Page size:\s+([\d.]+) x ([\d.]+) pts/)!
  expect(Math.abs((+size[1] * 25.4) / 72 - 105)).toBeLessThan(0.5)
  expect(Math.abs((+size[2] * 25.4) / 72 - 148)).toBeLessThan(0.5)
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
  expect(text).toContain('常青母婴')
  expect(text.split('\f').filter((p) => p.includes('谢谢您一直以来的支持')).length).toBeGreaterThan(0)
  mkdirSync(shots, { recursive: true })
  execFileSync('pdftoppm', ['-png', '-r', '110', '-f', '1', '-l', '1', pdf, join(shots, 'cards-pdf')])

  // the printed card carries a real, stored code: staff can redeem it
  const code = text.match(/\b([2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5})\b/)![1]
  const redeemed = await app.cli<{ code: string; alreadyRedeemed: boolean; customerName: string }>(['print', 'redeem', '--code', code])
  expect(redeemed).toMatchObject({ code: code.replace('-', ''), alreadyRedeemed: false })
  await popup.close()
})

test('prints address labels from label 5 on a partly used sheet, with the calibration applied', async ({ page, app }) => {
  await app.cli(['demo', '--customers', '40', '--seed', '3'])
  await page.goto(app.url + '#/cards')
  await page
    .getByTestId('template-list')
    .getByRole('button', { name: /地址标签 Avery L7163/ })
    .click()
  await expect(page.getByTestId('template-name')).toHaveValue('地址标签 Avery L7163')
  await page.getByTestId('target-kind').selectOption('batch')
  await page.getByTestId('start-at').fill('5')
  await page.getByTestId('start-at').press('Tab')
  await page.locator('[data-testid="calibration"] summary').click()
  await page.getByTestId('printer').fill('Office Laser')
  await page.getByTestId('printer').press('Tab')
  await page.getByTestId('offset-x').fill('1.5')
  await page.getByTestId('offset-x').press('Tab')
  await page.getByTestId('preview-run').click()
  const frame = page.frameLocator('[data-testid="preview-frame"]')
  await expect(frame.locator('.cell').first()).toHaveAttribute('data-cell', '4')
  expect(await page.getByTestId('preview-frame').getAttribute('srcdoc')).toContain('transform: translate(1.5mm,0mm) scale(1,1)')
  // the fifth label is drawn where staff look: inside the panel's frame, with its name and address in ink on white
  const panel = (await page.getByTestId('preview-frame').boundingBox())!
  const label = (await frame.locator('.cell').first().boundingBox())!
  expect(label.width).toBeGreaterThan(100)
  expect(label.height).toBeGreaterThan(40)
  expect(label.x).toBeGreaterThanOrEqual(panel.x)
  expect(label.y).toBeGreaterThanOrEqual(panel.y)
  expect(label.x + label.width).toBeLessThanOrEqual(panel.x + panel.width)
  expect(label.y + label.height).toBeLessThanOrEqual(panel.y + panel.height)
  const shot = await screenshot(page, 'cards-labels-preview')
  const scrollY = await page.evaluate(() => (globalThis as unknown as { scrollY: number }).scrollY)
  const pixels = await inkAndPaper(page, readFileSync(shot), { ...label, y: label.y + scrollY })
  // a frame left unpainted is all the panel's grey (#8a8f8c): no paper, no ink
  expect(pixels.paper).toBeGreaterThan(0.5)
  expect(pixels.ink).toBeGreaterThan(40)
})

/** What a page offers the pixel count below (the e2e specs are type-checked without the DOM library). */
interface ScratchGlobals {
  Image: new () => { src: string; naturalWidth: number; naturalHeight: number; decode(): Promise<void> }
  document: {
    createElement(tag: 'canvas'): {
      width: number
      height: number
      getContext(
        kind: '2d'
      ): { drawImage(image: unknown, x: number, y: number): void; getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } | null
    }
  }
}

/**
 * In a screenshot (a PNG), the share of near-white pixels inside a box and the number of dark
 * ones: the paper and the ink of what is drawn there. Decoded by the browser, in a page of its own.
 */
async function inkAndPaper(page: Page, png: Buffer, box: { x: number; y: number; width: number; height: number }) {
  const scratch = await page.context().newPage()
  try {
    return await scratch.evaluate(
      async ({ b64, box }) => {
        const { Image, document } = globalThis as unknown as ScratchGlobals
        const img = new Image()
        img.src = `data:image/png;base64,${b64}`
        await img.decode()
        const canvas = document.createElement('canvas')
        canvas.width = img.naturalWidth
        canvas.height = img.naturalHeight
        const g = canvas.getContext('2d')!
        g.drawImage(img, 0, 0)
        const { data } = g.getImageData(Math.round(box.x), Math.round(box.y), Math.round(box.width), Math.round(box.height))
        let paper = 0
        let ink = 0
        for (let i = 0; i < data.length; i += 4) {
          const [r, gr, b] = [data[i], data[i + 1], data[i + 2]]
          if (r > 240 && gr > 240 && b > 240) paper++
          else if (r < 110 && gr < 110 && b < 110) ink++
        }
        return { paper: paper / (data.length / 4), ink }
      },
      { b64: png.toString('base64'), box }
    )
  } finally {
    await scratch.close()
  }
}

test('prints as a job: a bar with the cards built and 取消, reached by keyboard, that stops the run', async ({ page, app }) => {
  await app.cli(['demo', '--customers', '40', '--seed', '3'])
  // the browser host has no print sink: the sink's calls are answered here, as Electron's would be
  // (capabilities with a printer, the job started, running at 250 of 600 cards until cancelled)
  let cancelled = false
  const envelope = (data: unknown) => ({ status: 200, contentType: 'application/json', body: JSON.stringify({ ok: true, data }) })
  await page.route('**/api/printing.capabilities', (r) => r.fulfill(envelope({ print: true, pdf: true, printers: ['Office Laser'] })))
  await page.route('**/api/printing.printStart', (r) => r.fulfill(envelope({ jobId: 'print-1' })))
  await page.route('**/api/jobs.cancel', (r) => {
    cancelled = true
    return r.fulfill(envelope({ cancelled: true }))
  })
  await page.route('**/api/jobs.progress', (r) =>
    r.fulfill(
      envelope(
        cancelled
          ? {
              jobId: 'print-1',
              kind: 'printing.print',
              state: 'cancelled',
              done: 250,
              total: 600,
              phase: null,
              partial: [],
              result: null,
              error: { code: 'CANCELLED', message: '已取消' }
            }
          : {
              jobId: 'print-1',
              kind: 'printing.print',
              state: 'running',
              done: 250,
              total: 600,
              phase: { zh: '正在排版卡片（第 251/600 张起）', en: 'laying out the cards (from 251 of 600)' },
              partial: [],
              result: null,
              error: null
            }
      )
    )
  )
  await page.goto(app.url + '#/cards')
  await expect(page.getByTestId('template-name')).toHaveValue('A6 售后卡')
  await page.getByTestId('target-kind').selectOption('batch')
  await page.getByTestId('preview-run').click()
  await expect(page.getByTestId('preview-summary')).toHaveText(/\d+ 张 · \d+ 页/)
  await page.getByTestId('print').click()
  const bar = page.getByTestId('print-progress')
  await expect(bar).toContainText('正在排版卡片（第 251/600 张起）')
  await expect(bar).toContainText('42%')
  await screenshot(page, 'cards-print-job')
  const cancel = bar.getByRole('button', { name: '取消' })
  await cancel.focus()
  await expect(cancel).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(bar).toBeHidden()
  await expect(page.getByText('已取消打印，没有发放券码')).toBeVisible()
  expect(cancelled).toBe(true)
})
