/**
 * The app lock in Chromium over the browser host: a passcode set in Settings, Ctrl+L covers
 * the page and the host refuses data calls, a wrong code says so, the right one returns to
 * the same page, a reload starts locked, idle time locks on its own, and five wrong codes
 * bring a countdown. Screenshots of the lock screen are for eyes.
 */
import { test, expect } from './fixtures'
import type { Page } from '@playwright/test'

/** What the page offers to page.evaluate (these specs are type-checked without the DOM library). */
type Result = { ok: boolean; code?: string; data?: unknown }
interface PageGlobals {
  api: Record<string, Record<string, (input?: unknown) => Promise<Result>>>
  scrollY: number
  document: { elementFromPoint(x: number, y: number): { closest(selector: string): unknown } | null }
}

/** The window as the user sees it (a full-page shot would also show what lies beyond it). */
const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screenshots/${name}.png` })

const PASSCODE = '2468'

async function setPasscode(page: Page): Promise<void> {
  await page.getByTestId('nav-settings').click()
  const card = page.getByTestId('settings-lock')
  await expect(card.getByTestId('lock-state')).toHaveText('未设置密码')
  await card.getByTestId('lock-new').fill(PASSCODE)
  await card.getByTestId('lock-repeat').fill('2469')
  await card.getByTestId('lock-save').click()
  await expect(card.getByRole('alert')).toHaveText('两次输入的密码不一致')
  await card.getByTestId('lock-repeat').fill(PASSCODE)
  await card.getByTestId('lock-save').click()
  await expect(card.getByTestId('lock-state')).toHaveText('已设置密码')
  await expect(page.getByTestId('lock-now')).toBeVisible()
  // the audit card on the same page shows the new line without a visit elsewhere
  await expect(page.getByTestId('settings-audit').locator('tbody tr').first()).toContainText('设置密码')
}

/** What the page's own transport gets for a data call right now. */
const customersCall = (page: Page) => page.evaluate(() => (globalThis as unknown as PageGlobals).api.customers.list({}))

/** Whether the lock screen is what sits at a point of the window (nothing of the page shows through). */
const coveredAt = (page: Page, x: number, y: number) =>
  page.evaluate(([px, py]) => (globalThis as unknown as PageGlobals).document.elementFromPoint(px, py)?.closest('[data-testid="lock-screen"]') !== null, [x, y])

test('locks with Ctrl+L, refuses data while locked, unlocks back to the same page, and starts locked', async ({ page, app }) => {
  await app.cli(['demo', '--customers', '40'])
  await page.goto(app.url)
  await setPasscode(page)
  await page.getByTestId('settings-lock').scrollIntoViewIfNeeded()
  await shot(page, 'settings-lock')

  await page.getByTestId('nav-customers').click()
  await expect(page.getByTestId('customer-total')).toHaveText('共 40 位顾客')
  await page.keyboard.press('Control+l')

  const lock = page.getByTestId('lock-screen')
  await expect(lock).toBeVisible()
  await expect(page.getByTestId('lock-passcode')).toBeFocused()
  for (const [x, y] of [
    [10, 10],
    [100, 300],
    [640, 360],
    [1270, 700]
  ])
    expect(await coveredAt(page, x, y)).toBe(true)
  expect(await customersCall(page)).toMatchObject({ ok: false, code: 'LOCKED' })

  // Esc does not close it, Tab stays inside it, Alt+digits do not move the page behind
  await page.keyboard.press('Escape')
  await page.keyboard.press('Escape')
  await expect(lock).toBeVisible()
  await page.keyboard.press('Tab')
  await page.keyboard.press('Tab')
  await expect(page.getByTestId('lock-passcode')).toBeFocused()
  await page.keyboard.press('Alt+1')
  await expect(page).toHaveURL(/#\/customers$/)

  await page.getByTestId('lock-passcode').fill('0000')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('lock-message')).toHaveText('密码不对，请再试一次')
  await expect(page.getByTestId('lock-passcode')).toHaveValue('')
  await expect(page.getByTestId('lock-passcode')).toBeFocused()
  await shot(page, 'lock-wrong')

  await page.keyboard.type(PASSCODE)
  await page.keyboard.press('Enter')
  await expect(lock).toBeHidden()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('客户档案')
  await expect(page.getByTestId('customer-total')).toHaveText('共 40 位顾客')
  expect(await customersCall(page)).toMatchObject({ ok: true, data: { total: 40 } })

  // a reload (or a restart of the app) starts locked, and the page behind asks for nothing
  await page.reload()
  await expect(lock).toBeVisible()
  await expect(page.getByTestId('lock-passcode')).toBeFocused()
  await expect(page.getByTestId('customer-total')).toHaveCount(0)
  await expect(page.getByTestId('notices').getByRole('alert')).toHaveCount(0)
  expect(await customersCall(page)).toMatchObject({ ok: false, code: 'LOCKED' })
  await shot(page, 'lock-screen')
  await page.keyboard.type(PASSCODE)
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('customer-total')).toHaveText('共 40 位顾客')

  // every step left one line, newest first: the unlock, the wrong guess, the passcode, the demo shop's import
  const audit = (await page.evaluate(() => (globalThis as unknown as PageGlobals).api.audit.list({ limit: 50 }))) as {
    data: { rows: { action: string; detail: string }[] }
  }
  const lines = audit.data.rows.map((r) => `${r.action}: ${r.detail}`)
  expect(lines[0]).toBe('unlock: app unlocked')
  expect(lines).toContain('unlock-failed: wrong passcode')
  expect(lines).toContain('passcode-set: app passcode set')
  expect(lines[lines.length - 1]).toMatch(/^import: demo shop loaded/)
  expect(lines.join('\n')).not.toContain(PASSCODE)
})

test('locks by itself after the idle minutes without keyboard or mouse', async ({ page, app }) => {
  await page.clock.install()
  await page.goto(app.url)
  await setPasscode(page)
  await page.getByTestId('lock-idle').selectOption('1')
  await expect(page.getByTestId('lock-idle')).toHaveValue('1')

  await page.clock.runFor(50_000)
  await page.mouse.move(200, 200)
  await page.clock.runFor(50_000)
  // 100 s since the start, but only 50 s since the mouse moved
  await expect(page.getByTestId('lock-screen')).toHaveCount(0)
  await page.clock.runFor(15_000)
  await expect(page.getByTestId('lock-screen')).toBeVisible()
  expect(await customersCall(page)).toMatchObject({ ok: false, code: 'LOCKED' })
})

test('makes the fifth wrong passcode wait 30 s and counts it down', async ({ page, app }) => {
  await page.goto(app.url)
  await setPasscode(page)
  await page.getByTestId('lock-now').click()
  for (let i = 0; i < 5; i++) {
    await page.getByTestId('lock-passcode').fill(`000${i}`)
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('lock-passcode')).toHaveValue('')
  }
  await expect(page.getByTestId('lock-message')).toHaveText(/^密码错误次数过多，请 (30|29) 秒后再试$/)
  await expect(page.getByTestId('lock-submit')).toBeDisabled()
  // the long settings page behind does not scroll under the lock screen
  const scrolled = await page.evaluate(() => (globalThis as unknown as PageGlobals).scrollY)
  await page.mouse.wheel(0, 1500)
  expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).scrollY)).toBe(scrolled)
  await shot(page, 'lock-wait')
  // the right passcode during the wait is not checked, even sent straight to the host
  expect(await page.evaluate((p) => (globalThis as unknown as PageGlobals).api.lock.unlock({ passcode: p }), PASSCODE)).toMatchObject({
    ok: true,
    data: { locked: true, wrong: false }
  })
  await expect(page.getByTestId('lock-message')).toHaveText(/^密码错误次数过多，请 2\d 秒后再试$/, { timeout: 5_000 })
})
