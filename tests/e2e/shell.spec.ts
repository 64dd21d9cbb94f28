/**
 * The shell in Chromium over the browser host: it loads, every section is reachable by mouse
 * and keyboard, the demo shop fills an empty database and the overview shows the same figures
 * as the CLI, the language switches and stays switched, and the host refuses strangers.
 */
import { test, expect, screenshot, clearNotices, AS_OF } from './fixtures'
import type { Page } from '@playwright/test'

const sections = [
  { name: 'overview', hash: '#/', zh: '概览', en: 'Overview' },
  { name: 'calls', hash: '#/calls', zh: '今日回访', en: 'Calls today' },
  { name: 'customers', hash: '#/customers', zh: '客户档案', en: 'Customers' },
  { name: 'segments', hash: '#/segments', zh: '分群', en: 'Segments' },
  { name: 'campaigns', hash: '#/campaigns', zh: '礼品寄送', en: 'Gift mailings' },
  { name: 'cards', hash: '#/cards', zh: '售后卡', en: 'Insert cards' },
  { name: 'import', hash: '#/import', zh: '导入', en: 'Import' },
  { name: 'predictions', hash: '#/predictions', zh: '预测', en: 'Predictions' },
  { name: 'settings', hash: '#/settings', zh: '设置', en: 'Settings' }
]

interface CliStats {
  customers: number
  orders: number
  lines: number
  revenueFen: number
  lifecycle: Record<'active' | 'silent' | 'sleeping' | 'drifting' | 'lost', number>
}

/** Page errors and console errors, except the one Chromium prints for every meta CSP with frame-ancestors. */
function collectErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`))
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().includes("'frame-ancestors' is ignored")) errors.push(`console: ${m.text()}`)
  })
  return errors
}

const yuan = (fen: number) => `¥${Math.floor(fen / 100).toLocaleString('en-US')}.${String(fen % 100).padStart(2, '0')}`

test('loads the shell with its nine sections and takes the token out of the address', async ({ page, app }) => {
  const errors = collectErrors(page)
  await page.goto(app.url)
  await expect(page).toHaveTitle('常青 Evergreen')
  const nav = page.getByRole('navigation', { name: '主导航' })
  await expect(nav.getByRole('link')).toHaveText(sections.map((s) => new RegExp(s.zh)))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('概览')
  expect(page.url()).not.toContain('token')
  await expect(page.getByTestId('today')).toHaveText(AS_OF)
  // a reload still works: the token was kept in sessionStorage
  await page.reload()
  await expect(page.getByTestId('overview-empty')).toBeVisible()
  expect(errors).toEqual([])
})

test('tells the user plainly when the page was opened without the token', async ({ page, app }) => {
  await page.goto(app.origin + '/')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('概览')
  const notices = page.getByTestId('notices').getByRole('alert')
  await expect(notices.first()).toContainText('访问被拒绝')
  // three calls failed the same way: one notice, not three
  await expect(notices).toHaveCount(1)
  await expect(page.getByTestId('overview-failed')).toContainText('无法读取概览数据')
  await screenshot(page, 'no-token-notice')
})

test('navigates to every section from the sidebar and with Alt+1..9', async ({ page, app }) => {
  const errors = collectErrors(page)
  await page.goto(app.url)
  for (const s of sections) {
    await page.getByTestId(`nav-${s.name}`).click()
    await expect(page).toHaveURL(new RegExp(`${s.hash.replace('/', '\\/')}$`))
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(s.zh)
    await expect(page.getByTestId(`nav-${s.name}`)).toHaveAttribute('aria-current', 'page')
    if (s.name === 'import') await screenshot(page, 'import-placeholder')
  }
  for (const [i, s] of [...sections].reverse().entries()) {
    await page.keyboard.press(`Alt+${sections.length - i}`)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(s.zh)
  }
  expect(errors).toEqual([])
})

test('reaches the sidebar with Tab and shows a focus ring', async ({ page, app }) => {
  await page.goto(app.url)
  await expect(page.getByTestId('overview-empty')).toBeVisible()
  await page.keyboard.press('Tab') // skip link
  await page.keyboard.press('Tab')
  const first = page.getByTestId('nav-overview')
  await expect(first).toBeFocused()
  const outline = await first.evaluate((el) => el.ownerDocument.defaultView?.getComputedStyle(el).outlineStyle)
  expect(outline).toBe('solid')
  await page.keyboard.press('Tab') // 今日回访 sits second: the page staff open first each morning
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/#\/calls$/)
})

test('loads the demo shop from the empty overview and shows the figures the CLI reports', async ({ page, app }) => {
  const errors = collectErrors(page)
  await page.goto(app.url)
  const empty = page.getByTestId('overview-empty')
  await expect(empty).toContainText('把 POS 导出文件拖到这里')
  await screenshot(page, 'overview-empty')

  await page.getByTestId('load-demo').click()
  await expect(page.getByTestId('stat-customers')).toBeVisible({ timeout: 30_000 })
  await expect(empty).toHaveCount(0)

  const stats = await app.cli<CliStats>(['stats'])
  expect(stats.customers).toBe(800)
  await expect(page.getByTestId('stat-customers')).toHaveAttribute('data-value', String(stats.customers))
  await expect(page.getByTestId('stat-customers')).toContainText(stats.customers.toLocaleString('en-US'))
  await expect(page.getByTestId('stat-orders')).toHaveAttribute('data-value', String(stats.orders))
  await expect(page.getByTestId('stat-orders')).toContainText(stats.orders.toLocaleString('en-US'))
  await expect(page.getByTestId('stat-revenue')).toHaveAttribute('data-value', String(stats.revenueFen))
  await expect(page.getByTestId('stat-revenue')).toContainText(yuan(stats.revenueFen))
  for (const [stage, count] of Object.entries(stats.lifecycle)) {
    await expect(page.getByTestId(`lifecycle-${stage}`)).toHaveAttribute('data-value', String(count))
  }
  await expect(page.getByTestId('overview-asof')).toContainText(AS_OF)
  await expect(page.getByTestId('chart-revenue').locator('canvas')).toBeVisible()
  await expect(page.getByTestId('chart-lifecycle').locator('canvas')).toBeVisible()
  await clearNotices(page) // the success notice would cover the screenshot
  await screenshot(page, 'overview-demo')
  await page.getByTestId('lang-en').click()
  await expect(page.getByTestId('stat-revenue')).toContainText('Revenue')
  await screenshot(page, 'overview-demo-en')
  expect(errors).toEqual([])
})

test('switches the language to English and back, and remembers it across a reload', async ({ page, app }) => {
  await page.goto(app.url)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('概览')
  await page.getByTestId('lang-en').click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Overview')
  await expect(page.getByTestId('nav-campaigns')).toContainText('Gift mailings')
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(page.getByTestId('lang-en')).toHaveAttribute('aria-pressed', 'true')

  await page.reload()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Overview')
  await screenshot(page, 'overview-empty-en')

  await page.getByTestId('lang-zh-CN').click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('概览')
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
})

test('shows the settings with app info and refuses lifecycle thresholds that do not increase', async ({ page, app }) => {
  const errors = collectErrors(page)
  await page.goto(app.url)
  await page.getByTestId('nav-settings').click()
  await expect(page.getByTestId('about-db')).toHaveText(app.dbPath)
  await expect(page.getByTestId('about-schema')).toHaveText(/^\d+$/)
  await expect(page.getByTestId('settings-threshold-active')).toHaveValue('90')

  await page.getByTestId('settings-threshold-silent').fill('80')
  await expect(page.getByRole('alert')).toContainText('必须大于上一阶段（90 天）')
  await expect(page.getByTestId('settings-save')).toBeDisabled()
  await screenshot(page, 'settings-invalid')

  await page.getByTestId('settings-threshold-silent').fill('120')
  await page.getByTestId('settings-staff').fill('小林')
  await page.getByTestId('settings-save').click()
  await expect(page.getByTestId('notices')).toContainText('设置已保存')
  await expect(page.getByRole('banner')).toContainText('当前店员：小林')
  await page.reload()
  await expect(page.getByTestId('settings-threshold-silent')).toHaveValue('120')
  await screenshot(page, 'settings')

  // an unsaved edit here survives saving another card on the page
  await page.getByTestId('settings-threshold-sleeping').fill('300')
  await page.getByTestId('scheme-rfm-cn8').check()
  await page.getByTestId('scheme-rfm-save').click()
  await expect(page.getByTestId('notices')).toContainText('已保存')
  await expect(page.getByTestId('settings-threshold-sleeping')).toHaveValue('300')
  expect(errors).toEqual([])
})

test('takes a file dropped anywhere on the window to the import page', async ({ page, app }) => {
  await page.goto(app.url)
  await expect(page.getByTestId('overview-empty')).toBeVisible()
  const transfer = await page.evaluateHandle(() => {
    // runs in the page; this file is type-checked without the DOM library
    const dt = new (globalThis as unknown as { DataTransfer: new () => { items: { add(f: File): void } } }).DataTransfer()
    dt.items.add(new File(['卡号,金额\n1001,99.00\n'], 'pos-export.csv', { type: 'text/csv' }))
    return dt
  })
  await page.dispatchEvent('h1', 'dragenter', { dataTransfer: transfer })
  await page.dispatchEvent('h1', 'dragover', { dataTransfer: transfer })
  await expect(page.getByTestId('drop-overlay')).toContainText('松开即可导入')
  await screenshot(page, 'drop-overlay')
  await page.dispatchEvent('h1', 'drop', { dataTransfer: transfer })
  await expect(page).toHaveURL(/#\/import$/)
  await expect(page.getByTestId('drop-overlay')).toHaveCount(0)
})

test.describe('the browser host refuses strangers', () => {
  test('answers 401 to a call without the token', async ({ request, app }) => {
    const res = await request.post(`${app.origin}/api/app.info`, { data: {} })
    expect(res.status()).toBe(401)
  })

  test('answers 401 to a call with a wrong token', async ({ request, app }) => {
    const res = await request.post(`${app.origin}/api/app.info`, { data: {}, headers: { 'X-Evergreen-Token': 'x'.repeat(32) } })
    expect(res.status()).toBe(401)
  })

  test('answers 403 to a foreign Origin even with the token', async ({ request, app }) => {
    const token = new URL(app.url).searchParams.get('token') ?? ''
    const res = await request.post(`${app.origin}/api/app.info`, {
      data: {},
      headers: { 'X-Evergreen-Token': token, Origin: 'http://evil.example' }
    })
    expect(res.status()).toBe(403)
  })

  test('answers 403 to a foreign Host (DNS rebinding) even with the token', async ({ request, app }) => {
    const token = new URL(app.url).searchParams.get('token') ?? ''
    const res = await request.post(`${app.origin}/api/app.info`, {
      data: {},
      headers: { 'X-Evergreen-Token': token, Host: 'evil.example' }
    })
    expect(res.status()).toBe(403)
  })

  test('answers a call with the token', async ({ request, app }) => {
    const token = new URL(app.url).searchParams.get('token') ?? ''
    const res = await request.post(`${app.origin}/api/app.info`, { data: {}, headers: { 'X-Evergreen-Token': token } })
    expect(res.status()).toBe(200)
    expect(await res.json()).toMatchObject({ ok: true, data: { dbPath: app.dbPath, today: AS_OF } })
  })
})
