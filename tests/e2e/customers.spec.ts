/**
 * The customers page in Chromium over the browser host, on the demo shop (300 customers):
 * search as you type, open a file with the keyboard, log a contact in two clicks, edit and
 * undo, export a CSV the CLI agrees with. Screenshots of the list and the file are for eyes.
 */
import { readFileSync } from 'node:fs'
import { test, expect, screenshot } from './fixtures'

interface Row {
  id: number
  name: string | null
  memberCard: string | null
  phone: string | null
}

test('finds, opens, logs a contact, edits with undo and exports', async ({ page, app }) => {
  await app.cli(['demo', '--customers', '300'])
  const all = await app.cli<{ total: number; rows: Row[] }>(['customers', '--limit', '300'])
  expect(all.total).toBe(300)
  const target = all.rows.find((r) => r.memberCard && r.name)!

  await page.goto(app.url)
  await page.getByRole('link', { name: /客户档案/ }).click()
  await expect(page.getByTestId('customer-total')).toHaveText('共 300 位顾客')
  await expect(page.getByTestId('customer-row').first()).toBeVisible()
  // only a screenful of rows is in the DOM, not all 300
  expect(await page.getByTestId('customer-row').count()).toBeLessThan(60)
  await screenshot(page, 'customers-list')

  // `/` focuses search; typing the card narrows the list to that customer
  await page.keyboard.press('/')
  await expect(page.getByTestId('customer-search')).toBeFocused()
  await page.keyboard.type(target.memberCard!)
  await expect(page.getByTestId('customer-total')).toHaveText('共 1 位顾客')
  await expect(page.getByTestId('customer-row').first()).toContainText(target.name!)

  // a two-character search by surname + given name works too
  await page.getByTestId('customer-search').fill(target.name!.slice(0, 2))
  await expect(page.getByTestId('customer-row').first()).toContainText(target.name!.slice(0, 2))
  await page.getByTestId('customer-search').fill(target.memberCard!)
  await expect(page.getByTestId('customer-total')).toHaveText('共 1 位顾客')

  // Enter opens the (first) match
  await page.getByTestId('customer-search').press('ArrowDown')
  await page.getByTestId('customer-search').press('Enter')
  await expect(page).toHaveURL(new RegExp(`#/customers/${target.id}$`))
  await expect(page.getByTestId('customer-name')).toContainText(target.name!)
  await expect(page.getByTestId('customer-figures')).toBeVisible()
  await expect(page.getByTestId('timeline-order').first()).toBeVisible()

  // two clicks: what happened, how it went
  await page.getByTestId('contact-note').fill('奶粉快吃完了，下周再联系')
  await page.getByTestId('contact-kind-call').click()
  await page.getByTestId('contact-outcome-reached').click()
  await expect(page.getByTestId('contact-entry').first()).toContainText('奶粉快吃完了')
  await expect(page.getByTestId('contact-entry').first()).toContainText('已联系上')

  // edit: a bad phone is refused in the form, a good one is saved, then undone
  await page.getByTestId('edit-customer').click()
  await page.getByTestId('edit-phone').fill('12345')
  await page.getByTestId('edit-save').click()
  await expect(page.getByRole('alert')).toContainText('手机号格式不对')
  // a mobile a digit short is stopped in the form; a number that is no mainland one is said, not refused
  await page.getByTestId('edit-phone').fill('137 0000 111')
  await page.getByTestId('edit-save').click()
  await expect(page.getByRole('alert')).toContainText('手机号应为 11 位，这里是 10 位')
  await page.getByTestId('edit-phone').fill('8888 6666')
  await expect(page.getByTestId('edit-phone-warning')).toContainText('这不像中国大陆的手机号')
  await screenshot(page, 'customer-edit-phone-warning')
  await page.getByTestId('edit-phone').fill('137 0000 1111')
  await page.getByTestId('edit-save').click()
  await expect(page.getByTestId('customer-profile')).toContainText('137****1111')
  await expect(page.getByTestId('change-history')).toContainText('137****1111')
  await screenshot(page, 'customer-detail')
  await page.getByTestId('undo-change').click()
  await expect(page.getByTestId('customer-profile')).not.toContainText('137****1111')

  // the history reads as staff speak: labels and words, never column keys or JSON
  await page.getByTestId('edit-customer').click()
  await page.getByTestId('edit-tags').fill('喜欢新品 敏感肌')
  await page.getByTestId('edit-consent-mail').setChecked(false)
  await page.getByTestId('edit-save').click()
  const history = page.getByTestId('change-history')
  await expect(history.locator('tr').filter({ hasText: '邮寄许可' }).first()).toContainText('允许→ 已拒绝')
  await expect(history.locator('tr').filter({ hasText: '标签' }).first()).toContainText('喜欢新品、敏感肌')
  await expect(history).not.toContainText('["')
  await expect(history).not.toContainText('consent')
  await screenshot(page, 'customer-history-words')
  await page.getByTestId('undo-change').click()

  // back to the list and export the whole list as CSV
  await page.getByTestId('back-to-list').click()
  await page.getByTestId('customer-search').fill('')
  await expect(page.getByTestId('customer-total')).toHaveText('共 300 位顾客')
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()])
  expect(download.suggestedFilename()).toBe('顾客-2026-11-23.csv')
  const csv = readFileSync((await download.path())!)
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const lines = csv.subarray(3).toString('utf8').trim().split('\r\n')
  expect(lines).toHaveLength(301)
  expect(lines[0].split(',')[1]).toBe('姓名')
  expect(lines.slice(1).some((l) => /^\d+,[^,]*,1\d\d\*{4}\d{4},/.test(l))).toBe(true)

  // whole numbers are a choice made for one export
  await page.getByTestId('export-full-phones').check()
  await screenshot(page, 'customers-export-full-phones')
  const [whole] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()])
  const wholeLines = readFileSync((await whole.path())!)
    .subarray(3)
    .toString('utf8')
    .trim()
    .split('\r\n')
  expect(wholeLines.slice(1).some((l) => /^\d+,[^,]*,1\d{10},/.test(l))).toBe(true)
  expect(wholeLines.slice(1).some((l) => l.includes('****'))).toBe(false)
})

test('sorts by a column header and filters by stage', async ({ page, app }) => {
  await app.cli(['demo', '--customers', '300'])
  await page.goto(`${app.url}`)
  await page.getByRole('link', { name: /客户档案/ }).click()
  await expect(page.getByTestId('customer-total')).toHaveText('共 300 位顾客')
  await page.getByTestId('sort-spend').click()
  const top = await app.cli<{ rows: { spendFen: number }[] }>(['customers', '--limit', '300'])
  const max = Math.max(...top.rows.map((r) => r.spendFen))
  await expect(page.getByTestId('customer-row').first()).toContainText(`¥${Math.floor(max / 100).toLocaleString('en-US')}`)
  await page.getByTestId('filter-stage-lost').click()
  await expect(page.getByTestId('customer-row').first().locator('[data-stage]')).toHaveAttribute('data-stage', 'lost')
})
