import { describe, expect, it } from 'vitest'
import { testContext } from '../../helpers/db'
import { builtInSheets } from '../../../shared/domain/sheets'
import { getTemplate, runJob, saveTemplate } from '../../../electron/services/printing'
import { defaultLifecycleThresholds } from '../../../shared/domain/lifecycle'
import { PrintJobInput } from '../../../shared/schemas/printing'
import { tinyShop } from './tiny-shop'

const AS_OF = '2026-11-23'
const opts = (commit: boolean) => ({ asOf: AS_OF, thresholds: defaultLifecycleThresholds, commit })

describe('a QR block with no shop link', () => {
  it('prints nothing in its place, caption included, and the warning says where to set the link', () => {
    const { db } = testContext()
    const s = tinyShop(db)
    const t = saveTemplate(
      db,
      {
        name: '二维码卡',
        kind: 'insert',
        sheet: builtInSheets['avery-l7160'],
        body: {
          blocks: [
            { id: 'hello', type: 'text', x: 2, y: 2, width: 30, height: 5, text: '{{称呼}}', fontSize: 8 },
            { id: 'qr', type: 'qr', x: 40, y: 2, width: 20, height: 20, target: '{{店铺链接}}', caption: '扫码关注' }
          ]
        }
      },
      AS_OF
    )
    for (const commit of [false, true]) {
      const r = runJob(db, PrintJobInput.parse({ templateId: t.id, target: { customerIds: [s.wang] } }), opts(commit))
      expect(r.html).not.toContain('>二维码<')
      expect(r.html).not.toContain('扫码关注')
      expect(r.html).not.toContain('data-block="qr"')
      expect(r.html).toContain('王女士')
      expect(r.warnings.find((w) => w.kind === 'missing-qr')?.message).toContain('请在售后卡页的「店铺链接」填写')
    }
    saveTemplate(db, { ...getTemplate(db, t.id), body: { ...getTemplate(db, t.id).body, shopUrl: 'https://shop.example.com' } }, AS_OF)
    const linked = runJob(db, PrintJobInput.parse({ templateId: t.id, target: { customerIds: [s.wang] } }), opts(false))
    expect(linked.html).toContain('data-block="qr"')
    expect(linked.html).toContain('扫码关注')
  })
})
