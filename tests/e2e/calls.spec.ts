/**
 * 今日回访 in Chromium: with the demo shop loaded, the call list shows entries grouped by
 * reason with a script and consent; recording an outcome takes the entry off the list and
 * writes it to the contact log (checked through the CLI on the same database).
 */
import { join } from 'node:path'
import { test, expect, screenshot } from './fixtures'

const shot = (name: string) => join(__dirname, '../../test-results/screenshots', `${name}.png`)

test('opens the call list, records an outcome and sees the entry leave', async ({ page, app }) => {
  await app.cli(['demo', '--customers', '300', '--seed', '7'])
  const before = await app.cli<{ total: number; entries: { key: string; reason: string; name: string | null }[]; rhythm: { zh: string } }>(['calls'])
  expect(before.entries.length).toBeGreaterThan(0)

  await page.goto(app.url)
  await page.getByTestId('nav-calls').click()
  await expect(page).toHaveURL(/#\/calls$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('今日回访')
  await expect(page.getByTestId('calls-total')).toHaveText(`共 ${before.entries.length} 条待联系`)
  // how the replenishments were dated, in the words the CLI gives
  await expect(page.getByTestId('calls-rhythm')).toHaveText(before.rhythm.zh)
  await screenshot(page, 'calls-list')
  await page.screenshot({ path: shot('calls-list-top') })

  const first = before.entries[0]
  const row = page.getByTestId(`call-${first.key}`)
  await expect(row).toBeVisible()
  await expect(row.locator('.call__script')).toContainText('建议话术')
  await expect(row.locator('.call__detail')).not.toBeEmpty()
  await row.getByTestId('outcome-reached').click()
  await expect(row).toHaveCount(0)
  // the next due customer moves up into the day's capacity
  await expect(page.getByTestId('calls-total')).toHaveText(`共 ${before.entries.length} 条待联系`)
  await screenshot(page, 'calls-after-outcome')

  const after = await app.cli<{ total: number; entries: { key: string }[] }>(['calls'])
  expect(after.entries.map((e) => e.key)).not.toContain(first.key)
  expect(after.total).toBe(before.total - 1)

  // a mis-click on 已联系 is taken back from the keyboard: the notice's 撤销 puts the call back
  await expect(page.getByTestId('calls-undo-outcome')).toContainText('已记录：')
  await expect(page.getByTestId('calls-undo-outcome')).toContainText('已联系')
  await page.screenshot({ path: shot('calls-outcome-undo') })
  await page.getByTestId('calls-undo-outcome-button').focus()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId(`call-${first.key}`)).toBeVisible()
  await expect(page.getByTestId('calls-undo-outcome')).toHaveCount(0)
  const back = await app.cli<{ total: number; entries: { key: string }[] }>(['calls'])
  expect(back.entries.map((e) => e.key)).toContain(first.key)
  expect(back.total).toBe(before.total)
})

test('shows the call list in English', async ({ page, app }) => {
  await app.cli(['demo', '--customers', '300', '--seed', '7'])
  await page.goto(app.url)
  await page.getByTestId('nav-calls').click()
  await page.getByTestId('lang-en').click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Calls today')
  await expect(page.locator('.call__script').first()).toContainText('Suggested words')
  await page.screenshot({ path: shot('calls-list-en-top') })
})

test('shows the day’s capacity with 显示全部 for the rest, and 不再联系 asks first and can be undone', async ({ page, app }) => {
  await app.cli(['demo', '--customers', '300', '--seed', '7'])
  const all = await app.cli<{
    total: number
    capacity: number
    entries: { key: string; customerId: number; name: string | null; consent: { phone: boolean } }[]
  }>(['calls', '--all'])
  expect(all.capacity).toBe(30)
  expect(all.total).toBeGreaterThan(30)
  await page.goto(app.url)
  await page.getByTestId('nav-calls').click()
  await expect(page.getByTestId('calls-total')).toHaveText('共 30 条待联系')
  await page.getByTestId('calls-show-all').click()
  await expect(page.getByTestId('calls-total')).toHaveText(`共 ${all.total} 条待联系`)
  await page.getByTestId('calls-show-all').click()
  await expect(page.getByTestId('calls-total')).toHaveText('共 30 条待联系')

  const first = all.entries[0]
  const row = page.getByTestId(`call-${first.key}`)
  await row.getByTestId('outcome-opted_out').click()
  const dialog = page.locator('dialog.confirm')
  await expect(dialog).toBeVisible()
  await expect(dialog).toContainText('之后可以撤销')
  await page.screenshot({ path: shot('calls-opt-out-confirm') })
  await dialog.getByRole('button', { name: '取消' }).click()
  await expect(row).toBeVisible()
  await row.getByTestId('outcome-opted_out').click()
  await dialog.getByRole('button', { name: '不再联系' }).click()
  await expect(dialog).toBeHidden()
  await expect(row).toHaveCount(0)
  await expect(page.getByTestId('calls-undo-optout')).toContainText('已不再联系')
  await page.screenshot({ path: shot('calls-opt-out-undo') })
  const gone = await app.cli<{ entries: { customerId: number }[] }>(['calls', '--all'])
  expect(gone.entries.some((e) => e.customerId === first.customerId)).toBe(false)
  await page.getByTestId('calls-undo-optout-button').click()
  await expect(page.getByTestId(`call-${first.key}`)).toBeVisible()
  const back = await app.cli<{ entries: { key: string; consent: { phone: boolean } }[] }>(['calls', '--all'])
  expect(back.entries.find((e) => e.key === first.key)?.consent).toEqual(all.entries[0].consent)
})

test('sets the daily capacity in the settings, refusing 0', async ({ page, app }) => {
  await app.cli(['demo', '--customers', '300', '--seed', '7'])
  await page.goto(app.url)
  await page.getByTestId('nav-settings').click()
  const card = page.getByTestId('settings-calls')
  await expect(card.getByTestId('settings-calls-capacity')).toHaveValue('30')
  await card.getByTestId('settings-calls-capacity').fill('0')
  await card.getByTestId('settings-calls-save').click()
  await expect(card.getByRole('alert')).toHaveText('请填 1 到 500 之间的数')
  await card.getByTestId('settings-calls-capacity').fill('12')
  await card.getByTestId('settings-calls-save').click()
  await expect(card.getByRole('alert')).toHaveCount(0)
  await card.screenshot({ path: shot('settings-calls') })
  await page.getByTestId('nav-calls').click()
  await expect(page.getByTestId('calls-total')).toHaveText('共 12 条待联系')
})

test('shows the missed calls 50 at a time and loads the next page from the keyboard', async ({ page, app }) => {
  await app.cli(['demo', '--customers', '600', '--seed', '7'])
  const whole = await app.cli<{ missed: { key: string }[]; missedTotal: number }>(['calls'])
  expect(whole.missed.length).toBe(whole.missedTotal)
  expect(whole.missedTotal).toBeGreaterThan(50)

  await page.goto(app.url)
  await page.getByTestId('nav-calls').click()
  const missed = page.getByTestId('calls-missed')
  await expect(missed.locator('summary')).toContainText(String(whole.missedTotal))
  await missed.locator('summary').click()
  await expect(missed.locator('.calls__list > *')).toHaveCount(50)
  await expect(page.getByTestId('calls-missed-shown')).toHaveText(`已显示 50 / ${whole.missedTotal} 位`)
  await page.getByTestId('calls-missed-more').scrollIntoViewIfNeeded()
  await page.screenshot({ path: shot('calls-missed-page') })

  await page.getByTestId('calls-missed-more').focus()
  await page.keyboard.press('Enter')
  const next = Math.min(100, whole.missedTotal)
  await expect(missed.locator('.calls__list > *')).toHaveCount(next)
  // the rows shown are the CLI's whole list, in its order
  await expect(missed.locator('.calls__list > *').nth(next - 1)).toHaveAttribute('data-testid', `call-${whole.missed[next - 1].key}`)
  if (next === whole.missedTotal) await expect(page.getByTestId('calls-missed-more')).toHaveCount(0)
  else await expect(page.getByTestId('calls-missed-shown')).toHaveText(`已显示 ${next} / ${whole.missedTotal} 位`)
})
