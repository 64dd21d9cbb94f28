/**
 * Backups in Chromium: a manual backup lists with what it holds, an import made afterwards
 * is taken back by restoring that backup from the list (after a confirmation), the figures
 * match the CLI's before the import, and the audit trail names each step in Chinese.
 */
import { join } from 'node:path'
import { test, expect, screenshot } from './fixtures'

interface CliStats {
  customers: number
  orders: number
  revenueFen: number
}

test('backs up, restores a backup over a later import, and shows both in the audit trail', async ({ page, app }) => {
  await app.cli(['demo', '--customers', '40'])
  const before = await app.cli<CliStats>(['stats'])
  await page.goto(`${app.url}#/settings`)
  const card = page.getByTestId('settings-backups')
  await card.getByTestId('backup-now').click()
  await expect(page.getByText('备份完成')).toBeVisible()
  await expect(card.getByTestId('backup-row')).toHaveCount(1)
  await expect(card.getByTestId('backup-row').first()).toContainText(`${before.customers} 顾客 · ${before.orders} 订单`)

  // a later import (the CLI backs up before it too)
  await app.cli(['import', join(__dirname, '../fixtures/imports/gbk-title-totals.csv')])
  const after = await app.cli<CliStats>(['stats'])
  expect(after.orders).toBeGreaterThan(before.orders)
  await page.reload()
  await expect(card.getByTestId('backup-row')).toHaveCount(2)
  const manual = card.getByTestId('backup-row').filter({ hasText: '手动' })
  await manual.getByRole('button', { name: '恢复' }).click()
  const dialog = page.getByRole('dialog')
  await expect(dialog).toContainText('从备份恢复？')
  await screenshot(page, 'backups-restore-confirm')
  await dialog.getByRole('button', { name: '恢复' }).click()
  await expect(page.getByText('已恢复；恢复前的数据已另存为备份')).toBeVisible()

  const restored = await app.cli<CliStats>(['stats'])
  expect(restored).toMatchObject({ customers: before.customers, orders: before.orders, revenueFen: before.revenueFen })
  // the state it replaced is kept as a backup too
  await expect(card.getByTestId('backup-row')).toHaveCount(3)
  const audit = page.getByTestId('settings-audit')
  // newest first; the restore keeps the trail, so the import it took back is still recorded
  // (the oldest 导入 is the demo shop, loaded through the importer)
  await expect(audit.locator('tbody tr td:nth-child(3)')).toHaveText(['恢复备份', '导入', '备份', '导入'])
  await screenshot(page, 'backups-audit')
})

test('a backup shows its progress with 取消 while it runs, then lists the backup', async ({ page, app }) => {
  await app.cli(['demo', '--customers', '40'])
  await page.goto(`${app.url}#/settings`)
  const card = page.getByTestId('settings-backups')
  await expect(card.getByTestId('backup-row')).toHaveCount(0)
  // hold the job's progress answers, so the bar stays on screen (a 40-customer backup ends in
  // milliseconds, before any cancel could reach it: cancelling is tested in backup-jobs.test.ts)
  let release!: () => void
  const held = new Promise<void>((resolve) => (release = resolve))
  await page.route('**/api/jobs.progress', async (route) => {
    await held
    await route.continue()
  })
  await card.getByTestId('backup-now').click()
  const bar = card.getByTestId('backups-busy')
  await expect(bar).toBeVisible()
  await expect(bar.getByRole('button', { name: '取消' })).toBeVisible()
  await expect(card.getByTestId('export-all')).toBeDisabled()
  await screenshot(page, 'backups-progress')
  release()
  await expect(bar).toBeHidden()
  await expect(page.getByText('备份完成')).toBeVisible()
  await expect(card.getByTestId('backup-row')).toHaveCount(1)
})
