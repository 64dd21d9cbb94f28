/**
 * Import in Chromium over the browser host: a GBK POS export with a title row and a 合计 row
 * is dropped on the window, the preview shows what was detected, the import runs with
 * progress, the result page shows the exact figures, and the batch is undone.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { test, expect, screenshot } from './fixtures'

const fixture = join(__dirname, '../fixtures/imports/gbk-title-totals.csv')

interface CliStats {
  customers: number
  orders: number
  lines: number
  revenueFen: number
}

test('imports a dropped GBK export, shows the figures, and undoes the batch', async ({ page, app }) => {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  await page.goto(app.url)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('概览')

  const base64 = readFileSync(fixture).toString('base64')
  const transfer = await page.evaluateHandle((b64) => {
    // runs in the page; this file is type-checked without the DOM library
    const g = globalThis as unknown as { DataTransfer: new () => { items: { add(f: File): void } }; atob(s: string): string }
    const binary = g.atob(b64)
    const bytes = new Uint8Array(binary.length)
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
    const dt = new g.DataTransfer()
    dt.items.add(new File([bytes], 'gbk-title-totals.csv', { type: 'text/csv' }))
    return dt
  }, base64)
  await page.dispatchEvent('h1', 'dragenter', { dataTransfer: transfer })
  await page.dispatchEvent('h1', 'dragover', { dataTransfer: transfer })
  await page.dispatchEvent('h1', 'drop', { dataTransfer: transfer })
  await expect(page).toHaveURL(/#\/import$/)

  // the preview: GBK found, header under the title, the 合计 row skipped, Chinese headers mapped
  const preview = page.getByTestId('import-preview')
  await expect(preview).toBeVisible()
  await expect(page.getByTestId('import-encoding')).toHaveValue('gb18030')
  await expect(page.getByTestId('import-header-row')).toHaveValue('4')
  await expect(page.getByTestId('import-totals-rows')).toContainText('17')
  await expect(page.getByTestId('import-rows-read')).toHaveText('12')
  await expect(page.getByTestId('map-1')).toHaveValue('orderedAt')
  await expect(page.getByTestId('map-9')).toHaveValue('amount')
  await expect(page.getByTestId('import-preview-table').locator('tbody tr')).toHaveCount(12)
  await screenshot(page, 'import-preview')

  await page.getByTestId('import-start').click()
  const result = page.getByTestId('import-result')
  await expect(result).toBeVisible({ timeout: 20_000 })
  await expect(page.getByTestId('result-imported')).toContainText('8')
  await expect(page.getByTestId('result-walkin')).toContainText('1')
  await expect(page.getByTestId('result-excluded')).toContainText('1')
  await expect(page.getByTestId('result-rejected')).toContainText('2')
  await expect(page.getByTestId('result-duplicates')).toContainText('0')
  await expect(page.getByTestId('result-new')).toContainText('3')
  await expect(page.getByTestId('result-matched')).toContainText('0')
  await expect(page.getByTestId('result-total')).toContainText('¥2,058.50')
  await expect(page.getByTestId('result-compare')).toContainText('¥2,382.00')
  await expect(page.getByTestId('result-compare')).toContainText('一致')
  await expect(page.getByTestId('result-errors').locator('tbody tr')).toHaveCount(2)
  await expect(page.getByTestId('batch-1')).toContainText('gbk-title-totals.csv')
  await screenshot(page, 'import-result')

  const stats = await app.cli<CliStats>(['stats'])
  expect(stats).toMatchObject({ customers: 3, orders: 5, lines: 8, revenueFen: 205850 })

  await page.getByTestId('undo-1').click()
  const dialog = page.getByRole('dialog')
  await expect(dialog).toContainText('撤销这次导入')
  await dialog.getByRole('button', { name: '撤销导入' }).click()
  await expect(page.getByTestId('batch-1')).toContainText('已撤销')
  await expect(page.getByTestId('undo-1')).toHaveCount(0)
  await screenshot(page, 'import-undone')
  const after = await app.cli<CliStats>(['stats'])
  expect(after).toMatchObject({ customers: 0, orders: 0, lines: 0, revenueFen: 0 })
  const batches = await app.cli<{ id: number; undone: boolean }[]>(['batches'])
  expect(batches).toEqual([expect.objectContaining({ id: 1, file: 'gbk-title-totals.csv', rowsImported: 8, undone: true })])
  expect(errors).toEqual([])
})
