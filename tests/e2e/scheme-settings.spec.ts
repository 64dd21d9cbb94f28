/**
 * The built-in segment schemes edited in Settings: a raised 金卡 threshold moves customers back
 * to 银卡 on the segments page exactly as the CLI counts them, a 金卡 below 银卡 is refused with
 * a message and nothing saved, and switching RFM naming renames the segments page's groups.
 */
import type { Page } from '@playwright/test'
import { test, expect, screenshot } from './fixtures'

interface Segments {
  tiers: Record<'normal' | 'silver' | 'gold' | 'diamond', number>
  rfm: { scheme: 'classic' | 'cn8'; segments: Record<string, number> }
  custom: Record<string, number>
}

/** A scheme chart's figures as its accessible label states them: "会员等级：普通 1, 银卡 2, …" → {普通: 1, 银卡: 2}. */
async function chartFigures(page: Page, testid: string): Promise<Record<string, number>> {
  const label = (await page.getByTestId(testid).locator('canvas').first().getAttribute('aria-label')) ?? ''
  const list = label.slice(label.indexOf('：') + 1)
  return Object.fromEntries(
    list.split(', ').map((part) => {
      const at = part.lastIndexOf(' ')
      return [part.slice(0, at), Number(part.slice(at + 1).replace(/,/g, ''))]
    })
  )
}

const tierNames = { normal: '普通', silver: '银卡', gold: '金卡', diamond: '钻石' } as const
const byName = (tiers: Segments['tiers']) => Object.fromEntries(Object.entries(tiers).map(([k, n]) => [tierNames[k as keyof typeof tierNames], n]))

test('a raised 金卡 threshold moves customers to 银卡 on the segments page, as the CLI counts them', async ({ page, app }) => {
  await app.cli(['demo', '--customers', '800'])
  // who will be 金卡 under the new rule (12 orders or ¥10,000, short of 钻石), counted by a rule that ignores the settings
  const newGold = {
    all: [
      {
        any: [
          { field: 'orders', op: '>=', value: 12 },
          { field: 'spendFen', op: '>=', value: 1_000_000 }
        ]
      },
      {
        not: {
          any: [
            { field: 'orders', op: '>=', value: 16 },
            { field: 'spendFen', op: '>=', value: 1_500_000 }
          ]
        }
      }
    ]
  }
  await app.cli(['segments', 'create', '--name', 'new-gold', '--rule', JSON.stringify(newGold)])
  const before = await app.cli<Segments>(['segments'])

  await page.goto(`${app.url}#/segments`)
  await expect(page.getByTestId('chart-seg-tiers')).toBeVisible()
  expect(await chartFigures(page, 'chart-seg-tiers')).toEqual(byName(before.tiers))

  await page.goto(`${app.url}#/settings`)
  const tiers = page.getByTestId('scheme-tiers')
  await expect(tiers.getByTestId('scheme-tier-gold-orders')).toHaveValue('8')
  await expect(tiers.getByTestId('scheme-tier-gold-spend')).toHaveValue('6000')
  await tiers.getByTestId('scheme-tier-gold-orders').fill('12')
  await tiers.getByTestId('scheme-tier-gold-spend').fill('10000')
  await tiers.getByTestId('scheme-tiers-save').click()
  await expect(page.getByTestId('notices')).toContainText('会员等级门槛已保存')

  const after = await app.cli<Segments>(['segments'])
  expect(after.tiers.gold).toBe(before.custom['new-gold'])
  expect(after.tiers.gold).toBeLessThan(before.tiers.gold)
  expect(after.tiers.silver).toBe(before.tiers.silver + before.tiers.gold - after.tiers.gold)
  expect(after.tiers.diamond).toBe(before.tiers.diamond)
  expect(after.tiers.normal).toBe(before.tiers.normal)

  await page.getByRole('link', { name: /分群/ }).first().click()
  await expect(page.getByTestId('chart-seg-tiers')).toBeVisible()
  await expect.poll(() => chartFigures(page, 'chart-seg-tiers')).toEqual(byName(after.tiers))

  // the settings page shows what was saved when opened again
  await page.goto(`${app.url}#/settings`)
  await expect(page.getByTestId('scheme-tier-gold-orders')).toHaveValue('12')
  await expect(page.getByTestId('scheme-tier-gold-spend')).toHaveValue('10000')
})

test('金卡 below 银卡 is marked on the field and not saved', async ({ page, app }) => {
  await app.cli(['demo', '--customers', '800'])
  const before = await app.cli<Segments>(['segments'])
  await page.goto(`${app.url}#/settings`)
  const tiers = page.getByTestId('scheme-tiers')
  const goldOrders = tiers.getByTestId('scheme-tier-gold-orders')
  await goldOrders.fill('3')
  await tiers.getByTestId('scheme-tier-gold-spend').fill('1500')

  await expect(goldOrders).toHaveAttribute('aria-invalid', 'true')
  await expect(tiers.locator('#s-tier-gold-orders-error')).toHaveText('不能少于银卡的 4 次')
  await expect(tiers.locator('#s-tier-gold-spend-error')).toHaveText('不能低于银卡的 2000 元')
  await expect(tiers.getByTestId('scheme-tiers-save')).toBeDisabled()
  await tiers.getByTestId('scheme-tier-gold-spend').scrollIntoViewIfNeeded()
  await screenshot(page, 'settings-schemes-invalid')

  // Enter in the field does not save either
  await goldOrders.press('Enter')
  await expect(page.getByTestId('notices')).not.toContainText('会员等级门槛已保存')
  expect((await app.cli<Segments>(['segments'])).tiers).toEqual(before.tiers)

  // 恢复默认 clears the messages; the saved rules were never touched
  await tiers.getByTestId('scheme-tiers-restore').click()
  await expect(goldOrders).toHaveValue('8')
  await expect(tiers.getByRole('alert')).toHaveCount(0)
  await page.reload()
  await expect(page.getByTestId('scheme-tier-gold-orders')).toHaveValue('8')
})

test('switching RFM naming to the Chinese 8 classes renames the groups on the segments page', async ({ page, app }) => {
  await app.cli(['demo', '--customers', '800'])
  const classic = await app.cli<Segments>(['segments'])
  expect(classic.rfm.scheme).toBe('classic')

  await page.goto(`${app.url}#/segments`)
  await expect(page.getByTestId('chart-seg-rfm-bars')).toBeVisible()
  const shownClassic = await chartFigures(page, 'chart-seg-rfm-bars')
  expect(Object.values(shownClassic).sort()).toEqual(Object.values(classic.rfm.segments).sort())
  expect(shownClassic['冠军客户']).toBe(classic.rfm.segments['Champions'])

  await page.goto(`${app.url}#/settings`)
  const rfm = page.getByTestId('scheme-rfm')
  await expect(rfm.getByTestId('scheme-rfm-classic')).toBeChecked()
  await rfm.getByTestId('scheme-rfm-cn8').check()
  await rfm.getByTestId('scheme-rfm-save').click()
  await expect(page.getByTestId('notices')).toContainText('RFM 分群命名已保存')
  await screenshot(page, 'settings-schemes')

  const cn8 = await app.cli<Segments>(['segments'])
  expect(cn8.rfm.scheme).toBe('cn8')
  await page.getByRole('link', { name: /分群/ }).first().click()
  await expect(page.getByTestId('rfm-scheme-cn8')).toHaveClass(/toggle__btn--on/)
  const shownCn8 = await chartFigures(page, 'chart-seg-rfm-bars')
  expect(shownCn8).toEqual(Object.fromEntries(Object.entries(cn8.rfm.segments).map(([k, n]) => [`${k}客户`, n])))
  expect(shownCn8['冠军客户']).toBeUndefined()
  await screenshot(page, 'segments-rfm-cn8')
})
