/**
 * The app server killed under the page (as a crash would): the shell's banner says it stopped
 * and restarted by itself and how many steps were not saved, the page that was loading shows
 * its own error, and the next call is answered by the new server. The host says each server's
 * pid on stderr; the test pauses the server first (SIGSTOP, POSIX) so a call is surely lost.
 */
import { test, expect, screenshot } from './fixtures'

test.skip(process.platform === 'win32', 'pauses the app server with SIGSTOP')

test('the banner says the app server stopped and restarted, with the lost steps, and the page works on', async ({ page, app }) => {
  await page.goto(app.url)
  await expect(page.getByTestId('overview-empty')).toBeVisible()
  await expect(page.getByTestId('server-banner')).toHaveCount(0)

  const first = app.serverPid()
  process.kill(first, 'SIGSTOP')
  await page.getByTestId('nav-customers').click()
  // the customers page's calls reach the paused server and wait there
  await page.waitForTimeout(500)
  process.kill(first, 'SIGKILL')

  const banner = page.getByTestId('server-banner')
  await expect(banner).toContainText('后台服务意外停止，已自动重启。')
  await expect(banner).toContainText(/正在进行的 \d+ 项操作没有保存，请再做一次；之前保存的数据都在。/)
  await expect(banner.getByRole('status')).toBeVisible()
  // the store whose call was lost says so as any failure
  await expect(page.getByTestId('notices')).toContainText('后台服务意外停止，已自动重启；这一步没有保存，请再试一次')
  // in the page's language only, from the catalogue, not the bilingual fallback
  await expect(page.getByTestId('notices')).not.toContainText('The app server')
  expect(app.serverPid()).not.toBe(first)
  await screenshot(page, 'server-restarted-banner')

  await page.getByTestId('nav-overview').click()
  await expect(page.getByTestId('overview-empty')).toBeVisible()
  await banner.getByRole('button', { name: '关闭提示' }).click()
  await expect(banner).toHaveCount(0)
})

test('a server that keeps dying is given up on, and the banner says plainly to close and reopen Evergreen', async ({ page, app }) => {
  await page.goto(app.url)
  await expect(page.getByTestId('overview-empty')).toBeVisible()
  // the sixth death within a minute: five restarts are allowed
  let pid = app.serverPid()
  for (let death = 1; death <= 6; death++) {
    process.kill(pid, 'SIGKILL')
    if (death < 6) await expect.poll(() => app.serverPid(), { timeout: 10_000 }).not.toBe(pid)
    pid = app.serverPid()
  }
  const banner = page.getByTestId('server-banner')
  await expect(banner.getByRole('alert')).toContainText('后台服务反复停止，已不再重启。请关闭常青后重新打开；之前保存的数据都在。')
  await screenshot(page, 'server-gave-up-banner')
  // a page opened now is told too
  await page.reload()
  await expect(page.getByTestId('server-banner').getByRole('alert')).toContainText('后台服务反复停止')
})
