/**
 * Segments end to end: the demo shop, a segment built in the rule builder with a live count
 * that matches the CLI, saved, and charts clicked through to the customers behind them.
 */
import { test, expect, screenshot, clearNotices } from './fixtures'

interface SchemeCounts {
  lifecycle: Record<string, number>
  ladder: Record<string, number>
  custom: Record<string, number>
}

test('builds a segment with a live count, saves it, and clicks charts through to customers', async ({ page, app }) => {
  await app.cli(['demo', '--customers', '400', '--seed', '5'])
  await page.goto(`${app.url}#/segments`)
  await expect(page.getByTestId('chart-seg-lifecycle')).toBeVisible()
  await screenshot(page, 'segments-overview')

  // the rule builder: at least 3 orders AND (region 浙江省 OR tag 新手妈妈)
  const builder = page.getByTestId('segment-builder')
  const first = builder.getByTestId('rule-leaf').first()
  await first.getByTestId('rule-op').selectOption('>=')
  await first.getByTestId('rule-value').fill('3')
  const expected3 = await app.cli<{ count: number }>(['segments', 'create', '--name', 'probe', '--rule', '{"field":"orders","op":">=","value":3}'])
  await expect(builder.getByTestId('segment-live-count')).toHaveAttribute('data-value', String(expected3.count))
  await app.cli(['segments', 'delete', 'probe'])

  await builder.getByTestId('rule-add-group').first().click()
  const group = builder.getByTestId('rule-group').nth(1)
  await group.getByTestId('rule-field').first().selectOption('region')
  await group.getByTestId('rule-value').first().fill('浙江省')
  await group.getByTestId('rule-add').click()
  await group.getByTestId('rule-field').nth(1).selectOption('tag')
  await group.getByTestId('rule-value').nth(1).fill('新手妈妈')
  const live = builder.getByTestId('segment-live-count')
  await expect(live).not.toHaveAttribute('data-value', String(expected3.count))
  await expect(live).not.toHaveAttribute('data-value', '')
  const liveCount = Number(await live.getAttribute('data-value'))
  expect(liveCount).toBeGreaterThan(0)
  await builder.getByTestId('segment-name').fill('浙江或新手妈妈老客')
  await builder.getByTestId('segment-save').click()
  await expect(builder.getByTestId('saved-segment')).toHaveCount(1)
  await clearNotices(page) // the success notice would cover the screenshot
  const counts = await app.cli<SchemeCounts>(['segments'])
  expect(counts.custom).toEqual({ 浙江或新手妈妈老客: liveCount })
  await screenshot(page, 'segments-builder')

  // click the first bar of the lifecycle chart (active): its customers, as many as the CLI says
  const canvas = page.getByTestId('chart-seg-lifecycle').locator('canvas')
  const box = (await canvas.boundingBox())!
  await canvas.click({ position: { x: 40 + (box.width - 40) / 10, y: box.height - 40 } })
  const panel = page.getByTestId('segment-members')
  await expect(panel).toBeVisible()
  await expect(panel.getByTestId('segment-members-total')).toHaveAttribute('data-value', String(counts.lifecycle.active))
  await expect(panel.getByTestId('segment-member-row').first()).toBeVisible()
  await expect(panel.getByTestId('segment-member-row').first()).toContainText('****')
  await screenshot(page, 'segments-members-lifecycle')

  // the RFM heat map: a cell's customers match the cell's count
  await panel.getByTestId('segment-members-close').click()
  const cell = page.getByTestId('rfm-cell-5-5')
  const cellCount = (await cell.locator('.cell__count').innerText()).replace(/,/g, '')
  await cell.click()
  await expect(panel.getByTestId('segment-members-total')).toHaveAttribute('data-value', cellCount)
  await screenshot(page, 'segments-members-rfm')
})

test('recalls every buyer of a product in a window', async ({ page, app }) => {
  await app.cli(['demo', '--customers', '300', '--seed', '5'])
  const expected = await app.cli<unknown[]>(['recall', '--product', '羊奶粉', '--from', '2026-09-01', '--to', '2026-11-23'])
  await page.goto(`${app.url}#/segments`)
  const recall = page.getByTestId('segment-recall')
  await recall.getByTestId('recall-product').fill('羊奶粉')
  await recall.getByTestId('recall-from').fill('2026-09-01')
  await recall.getByTestId('recall-find').click()
  await expect(recall.getByTestId('recall-found')).toHaveAttribute('data-value', String(expected.length))
  await recall.scrollIntoViewIfNeeded()
  await screenshot(page, 'segments-recall')
})

test('shows a progress bar with 取消 over the dimmed charts while working out another date', async ({ page, app }) => {
  await app.cli(['demo', '--customers', '300', '--seed', '5'])
  const past = await app.cli<SchemeCounts>(['segments', '--as-of', '2026-05-31'])
  const buyers = Object.values(past.lifecycle).reduce((a, b) => a + b, 0)
  await page.goto(`${app.url}#/segments`)
  await expect(page.getByTestId('chart-seg-lifecycle')).toBeVisible()
  await expect(page.getByTestId('segments-busy')).toBeHidden()

  // hold the recompute job's progress back, so that the state in between stays on screen
  let release!: () => void
  const held = new Promise<void>((resolve) => (release = resolve))
  await page.route('**/api/jobs.progress', async (route) => {
    await held
    await route.continue()
  })
  await page.getByTestId('segments-asof-input').fill('2026-05-31')
  await page.getByTestId('segments-asof-input').press('Enter')
  await expect(page.getByTestId('segments-busy')).toContainText('2026-05-31')
  await expect(page.locator('.segments__charts')).toHaveAttribute('aria-busy', 'true')
  // the recompute is a job: it can be stopped from here
  await expect(page.getByTestId('segments-busy').getByRole('button', { name: '取消' })).toBeVisible()
  await screenshot(page, 'segments-recomputing')

  release()
  await expect(page.getByTestId('segments-busy')).toBeHidden()
  await expect(page.locator('.segments__charts')).not.toHaveAttribute('aria-busy', 'true')
  await expect(page.getByTestId('segments-asof')).toContainText(`${buyers} 位有购买`)
})

test('a run of ↑ presses on the as-of date works out the day it stops on once', async ({ page, app }) => {
  await app.cli(['demo', '--customers', '300', '--seed', '5'])
  const later = await app.cli<SchemeCounts>(['segments', '--as-of', '2026-06-05'])
  const buyers = Object.values(later.lifecycle).reduce((a, b) => a + b, 0)
  await page.goto(`${app.url}#/segments`)
  await expect(page.getByTestId('chart-seg-lifecycle')).toBeVisible()
  const field = page.getByTestId('segments-asof-input')
  await field.fill('2026-05-31')
  await field.press('Enter')
  await expect(page.getByTestId('segments-busy')).toBeHidden()

  const starts: string[] = []
  page.on('request', (r) => {
    if (r.url().includes('/api/segments.overviewStart')) starts.push(r.postData() ?? '')
  })
  for (let i = 0; i < 5; i++) await field.press('ArrowUp')
  // the text follows each press at once
  await expect(field).toHaveValue('2026-06-05')
  await expect(page.getByTestId('segments-asof')).toContainText(`${buyers} 位有购买`)
  expect(starts).toHaveLength(1)
  expect(starts[0]).toContain('2026-06-05')
})
