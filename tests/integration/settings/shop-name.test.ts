import { describe, expect, it } from 'vitest'
import { testContext } from '../../helpers/db'
import { getShopName } from '../../../electron/services/settings/shop-name'
import { readSettings, updateSettings } from '../../../electron/services/settings/settings-service'
import { getTemplate, listTemplates, runJob, saveTemplate } from '../../../electron/services/printing'
import { defaultLifecycleThresholds } from '../../../shared/domain/lifecycle'
import { PrintJobInput } from '../../../shared/schemas/printing'
import { tinyShop } from '../printing/tiny-shop'
import type { DomainError } from '../../../shared/result'
import { formatError } from '../../../shared/errors/messages'

const AS_OF = '2026-11-23'
const opts = { asOf: AS_OF, thresholds: defaultLifecycleThresholds, commit: false }

describe('the shop name is one shop setting', () => {
  it('is empty on a new shop and keeps what staff saved', () => {
    const { db } = testContext()
    expect(readSettings(db).shopName).toBe('')
    updateSettings(db, { shopName: '常青母婴' })
    expect(getShopName(db)).toBe('常青母婴')
  })

  it('refuses a name longer than 60 characters', () => {
    const { db } = testContext()
    const e = (() => {
      try {
        updateSettings(db, { shopName: '店'.repeat(61) })
      } catch (x) {
        return x as DomainError
      }
    })()
    expect(e).toMatchObject({ code: 'BAD_INPUT', key: 'settingInvalid', params: { field: 'shopName' } })
    expect(formatError('settingInvalid', e!.params!, 'zh-CN')).toMatch(/^设置项 shopName 的值不对：.+/)
    expect(formatError('settingInvalid', e!.params!, 'en')).toMatch(/^the setting shopName is not valid: .+/)
  })

  it('is printed on every template, whatever name a template once carried itself', () => {
    const { db } = testContext()
    const s = tinyShop(db)
    updateSettings(db, { shopName: '常青母婴' })
    const templates = listTemplates(db, `${AS_OF}T12:00:00`)
    const label = templates.find((t) => t.name === '地址标签 Avery L7160')!
    const card = templates.find((t) => t.name === 'A6 售后卡')!
    const old = getTemplate(db, card.id)
    saveTemplate(db, { ...old, body: { ...old.body, shopName: '旧店名' } }, AS_OF)
    for (const id of [label.id, card.id]) {
      const r = runJob(db, PrintJobInput.parse({ templateId: id, target: { customerIds: [s.wang] } }), opts)
      expect(r.html).toContain('常青母婴')
      expect(r.html).not.toContain('旧店名')
      expect(r.warnings.some((w) => w.kind === 'empty-field' && w.field === '店名')).toBe(false)
    }
  })

  it('falls back to a name typed on a template before the setting existed', () => {
    const { db } = testContext()
    listTemplates(db, `${AS_OF}T12:00:00`)
    const card = listTemplates(db, `${AS_OF}T12:00:00`).find((t) => t.name === 'A6 售后卡')!
    const old = getTemplate(db, card.id)
    saveTemplate(db, { ...old, body: { ...old.body, shopName: '老店名' } }, AS_OF)
    expect(getShopName(db)).toBe('老店名')
  })
})
