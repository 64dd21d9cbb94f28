/**
 * 一件能用多少天 against the shop's own repeat buyers, in Chromium, on the demo shop imported
 * from its files: stage-1 formula's shipped default has yielded to its buyers; once the shop's
 * product list says 8 days a can, the row says how far that is from the buyers and offers their
 * figure; taking it changes the figure in use, and undo puts 8 back.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test, expect, screenshot, clearNotices } from './fixtures'

test('offers the repeat buyers’ days per unit against the table, takes it and undoes it', async ({ page, app }) => {
  test.setTimeout(120_000)
  await app.cli(['demo', '--customers', '800'])
  await page.goto(`${app.url}#/predictions`)
  const row = page.locator('tr', { hasText: '婴儿配方奶粉 1段 800g' })
  await expect(row).toContainText('已代替软件自带的 8 天')
  await expect(row).toContainText('按本店回头客')
  await expect(page.getByTestId('rs-evidence-rule')).toContainText('20 位以上回头客')

  // the shop's own product list sets 8 days a can
  const dir = mkdtempSync(join(tmpdir(), 'evergreen-units-'))
  const file = join(dir, '商品资料.csv')
  writeFileSync(file, '商品编码,商品名称,商品分类,单位,每件可用天数\n6901001000011,婴儿配方奶粉 1段 800g,奶粉,罐,8\n')
  await app.cli(['import', file])
  await page.reload()
  await expect(row).toContainText('表里写的是 8 天')
  await expect(row).toContainText('商品设置')
  const adopt = row.getByRole('button', { name: /改用 [\d.]+ 天/ })
  const label = (await adopt.textContent())!.trim()
  const learned = label.match(/[\d.]+/)![0]
  await row.scrollIntoViewIfNeeded()
  await screenshot(page, 'learned-days-offer')

  await adopt.click()
  await expect(page.getByTestId('rs-adopted')).toContainText(`已改为每件 ${learned} 天（原来是 8 天）`)
  await expect(row.locator('td').last()).toContainText(`${learned} 天`)
  await expect(row).not.toContainText('表里写的是')
  await clearNotices(page)
  await screenshot(page, 'learned-days-adopted')

  await page.getByTestId('rs-undo-adopt').click()
  await expect(page.getByTestId('rs-adopted')).toHaveCount(0)
  await expect(row).toContainText('表里写的是 8 天')
})
