import { describe, expect, it } from 'vitest'
import { testContext, testDispatch } from '../../helpers/db'
import { builtInSheets } from '../../../shared/domain/sheets'
import type { Db } from '../../../electron/db/driver'
import { listTemplates, getTemplate, saveTemplate, runJob, saveCalibration } from '../../../electron/services/printing'
import { defaultLifecycleThresholds } from '../../../shared/domain/lifecycle'
import { PrintJobInput } from '../../../shared/schemas/printing'
import { tinyShop } from './tiny-shop'

const AS_OF = '2026-11-23'
const opts = (commit = false) => ({ asOf: AS_OF, thresholds: defaultLifecycleThresholds, commit })
const job = (input: unknown) => PrintJobInput.parse(input)
const templateId = (db: Db, name: string) => listTemplates(db, `${AS_OF}T12:00:00`).find((t) => t.name === name)!.id

describe('a print preview merged from real customers', () => {
  it('merges every customer and reports each empty field with its count and examples', () => {
    const { db } = testContext()
    const s = tinyShop(db)
    const id = templateId(db, '地址标签 Avery L7160')
    const r = runJob(db, job({ templateId: id, target: { customerIds: [s.wang, s.li, s.zhang, s.nobody] } }), opts())
    expect([r.cards, r.pages]).toEqual([4, 1])
    expect(r.warnings.filter((w) => w.kind === 'empty-field').map((w) => [w.field, w.count, w.examples])).toEqual([
      ['店名', 4, ['王芳', '李雷', '张敏', `#${s.nobody}`]],
      ['手机', 2, ['李雷', `#${s.nobody}`]],
      ['姓名', 1, [`#${s.nobody}`]],
      ['地址', 1, [`#${s.nobody}`]]
    ])
    // an address label is for the courier: the whole number, and the preview says so
    expect(r.html).toContain('王芳  13812348000')
    expect(r.wholePhones).toBe(true)
    expect(r.html).toContain('上海市徐汇区漕溪北路88号3幢1201室')
  })

  it('masks a label’s phones only when this print asks for masked ones', () => {
    const { db } = testContext()
    const s = tinyShop(db)
    const r = runJob(db, job({ templateId: templateId(db, '地址标签 Avery L7160'), target: { customerIds: [s.wang] }, fullPhones: false }), opts())
    expect(r.html).toContain('王芳  138****8000')
    expect(r.html).not.toContain('13812348000')
    expect(r.wholePhones).toBe(false)
  })

  it('keeps a card’s phones masked unless its template or this print asks for whole ones', () => {
    const { db } = testContext()
    const s = tinyShop(db)
    const label = getTemplate(db, templateId(db, '地址标签 Avery L7160'))
    // the label's design printed as a card: what the kind decides, not the blocks
    const card = saveTemplate(db, { name: '带手机的卡', kind: 'insert', sheet: label.sheet, body: { ...label.body, fullPhone: false } }, AS_OF)
    const masked = runJob(db, job({ templateId: card.id, target: { customerIds: [s.wang] } }), opts())
    expect([masked.html.includes('王芳  138****8000'), masked.wholePhones]).toEqual([true, false])
    const asked = runJob(db, job({ templateId: card.id, target: { customerIds: [s.wang] }, fullPhones: true }), opts())
    expect([asked.html.includes('王芳  13812348000'), asked.wholePhones]).toEqual([true, true])
    saveTemplate(db, { ...card, body: { ...card.body, fullPhone: true } }, AS_OF)
    expect(runJob(db, job({ templateId: card.id, target: { customerIds: [s.wang] } }), opts()).html).toContain('王芳  13812348000')
  })

  it('picks the come-back variant for a sleeping customer, the welcome for a first-time buyer and the default for a regular', () => {
    const { db } = testContext()
    const s = tinyShop(db)
    const r = runJob(db, job({ templateId: templateId(db, 'A6 售后卡'), target: { customerIds: [s.wang, s.li, s.zhang] } }), opts())
    expect(r.cardList.map((c) => [c.name, c.variant, c.page, c.cell])).toEqual([
      ['王芳', '默认', 1, 1],
      ['李雷', '新客：关注店铺', 2, 1],
      ['张敏', '沉睡老客：回归券', 3, 1]
    ])
    expect(r.html).toContain('亲爱的王女士：')
    expect(r.html).toContain('李先生，欢迎成为我们的新朋友！')
    expect(r.html).toContain('张女士，好久不见，我们想您了！')
    // 王芳 bought formula and nappies; the recommendation is a product she has not bought
    expect(r.html).toContain('为您推荐：婴儿湿巾 80 抽')
  })

  it('starts at label N on a partly used sheet and runs onto the next sheet', () => {
    const { db } = testContext()
    const s = tinyShop(db)
    const id = templateId(db, '地址标签 Avery L7165') // 8 per sheet
    const r = runJob(db, job({ templateId: id, startAt: 7, target: { customerIds: [s.wang, s.li, s.zhang] } }), opts())
    expect(r.cardList.map((c) => [c.page, c.cell])).toEqual([
      [1, 7],
      [1, 8],
      [2, 1]
    ])
    expect(r.pages).toBe(2)
    expect(r.html).toContain('data-cell="6" style="left:4.65mm;top:216.2mm')
    expect(() => runJob(db, job({ templateId: id, startAt: 9, target: { customerIds: [s.wang] } }), opts())).toThrow(
      expect.objectContaining({ code: 'BAD_INPUT', key: 'startLabelOutOfRange', params: { perSheet: 8 } })
    )
  })

  it('makes one card per parcel of an import batch, with the order number and that parcel’s product', () => {
    const { db } = testContext()
    const s = tinyShop(db)
    const t = getTemplate(db, templateId(db, '地址标签 Avery L7163'))
    const first = t.body.blocks[0]
    if (first.type !== 'text') throw new Error('the address label starts with a text block')
    saveTemplate(db, { ...t, body: { ...t.body, blocks: [{ ...first, text: '{{订单号}} {{姓名}} {{上次购买}}' }] } }, AS_OF)
    const r = runJob(db, job({ templateId: t.id, target: { batch: s.batchId } }), opts())
    expect(r.cardList.map((c) => c.name)).toEqual(['张敏', '王芳', '王芳', '李雷'])
    expect(r.html).toContain('PS001 王芳 婴儿配方奶粉1段 800g')
    expect(r.html).toContain('PS002 王芳 纸尿裤 M 码 60 片')
  })

  it('prints for a campaign’s treated members in rank order, never its control group', () => {
    const { db } = testContext()
    const s = tinyShop(db)
    db.prepare("INSERT INTO campaigns (id, name, created_at, as_of, plan) VALUES (5, '老客回馈', ?, ?, '{}')").run(AS_OF, AS_OF)
    const add = db.prepare('INSERT INTO campaign_members (campaign_id, customer_id, arm, rank) VALUES (5, ?, ?, ?)')
    add.run(s.zhang, 'treated', 2)
    add.run(s.wang, 'treated', 1)
    add.run(s.li, 'control', 3)
    const r = runJob(db, job({ templateId: templateId(db, '刮刮卡（每张都是一等奖）'), target: { campaign: 5 } }), opts(true))
    expect(r.cardList.map((c) => c.name)).toEqual(['王芳', '张敏'])
    const stored = db.prepare('SELECT customer_id, campaign_id, kind FROM printed_codes ORDER BY rowid').all()
    expect(stored).toEqual([
      { customer_id: s.wang, campaign_id: 5, kind: 'scratch' },
      { customer_id: s.zhang, campaign_id: 5, kind: 'scratch' }
    ])
    expect(r.codesIssued).toBe(2)
    expect(r.html).toContain(`${r.cardList[0].code!.slice(0, 5)}-${r.cardList[0].code!.slice(5)}`)
  })

  it('issues no codes for a preview', () => {
    const { db } = testContext()
    const s = tinyShop(db)
    const r = runJob(db, job({ templateId: templateId(db, 'A6 售后卡'), target: { customerIds: [s.wang, s.li] } }), opts(false))
    expect(r.cardList.every((c) => c.code !== null)).toBe(true)
    expect(db.prepare('SELECT count(*) FROM printed_codes').pluck().get()).toBe(0)
  })

  it('warns about text that overflows its box and QR codes without a link', () => {
    const { db } = testContext()
    const s = tinyShop(db)
    const t = saveTemplate(
      db,
      {
        name: '小标签',
        kind: 'label',
        sheet: builtInSheets['avery-l7160'],
        body: {
          blocks: [
            { id: 'addr', type: 'text', x: 2, y: 2, width: 30, height: 5, text: '{{地址}}', fontSize: 10 },
            { id: 'qr', type: 'qr', x: 40, y: 2, width: 20, height: 20, target: '{{店铺链接}}/p/{{推荐商品编码}}' }
          ]
        }
      },
      AS_OF
    )
    const r = runJob(db, job({ templateId: t.id, target: { customerIds: [s.wang, s.li] } }), opts())
    expect(r.warnings.find((w) => w.kind === 'overflow')).toMatchObject({ blockId: 'addr', count: 2, examples: ['王芳', '李雷'] })
    expect(r.warnings.find((w) => w.kind === 'missing-qr')).toMatchObject({ blockId: 'qr', count: 2 })
    saveTemplate(db, { ...getTemplate(db, t.id), body: { ...getTemplate(db, t.id).body, shopUrl: 'https://shop.example.com' } }, AS_OF)
    const ok = runJob(db, job({ templateId: t.id, target: { customerIds: [s.wang] } }), opts())
    expect(ok.warnings.find((w) => w.kind === 'missing-qr')).toBeUndefined()
    expect(ok.html).toContain('<path d="M')
  })

  it('previews a designer draft without saving it', () => {
    const { db } = testContext()
    const s = tinyShop(db)
    const t = getTemplate(db, templateId(db, 'A6 售后卡'))
    const draft = {
      kind: t.kind,
      sheet: t.sheet,
      body: { ...t.body, variants: [], blocks: [{ id: 'x', type: 'text', x: 5, y: 5, width: 90, height: 10, text: '草稿 {{姓名}}' }] }
    }
    const r = runJob(db, job({ templateId: t.id, draft, target: { customerIds: [s.wang] } }), opts())
    expect(r.html).toContain('草稿 王芳')
    expect(getTemplate(db, t.id).body.blocks).toHaveLength(8)
  })

  it('applies the calibration saved for the chosen printer', () => {
    const { db } = testContext()
    const s = tinyShop(db)
    saveCalibration(db, { printer: 'HP LaserJet', offsetX: 0.8, offsetY: -1.2, scaleX: 1, scaleY: 0.995 })
    const r = runJob(db, job({ templateId: templateId(db, '地址标签 Avery L7162'), printer: 'HP LaserJet', target: { customerIds: [s.wang] } }), opts())
    expect(r.calibration).toEqual({ printer: 'HP LaserJet', offsetX: 0.8, offsetY: -1.2, scaleX: 1, scaleY: 0.995 })
    expect(r.html).toContain('translate(0.8mm,-1.2mm) scale(1,0.995)')
  })

  it('prints for customers in a lifecycle stage and says so when nobody is in the target', () => {
    const { db } = testContext()
    const s = tinyShop(db)
    const id = templateId(db, '地址标签 Avery L7160')
    expect(runJob(db, job({ templateId: id, target: { stage: 'sleeping' } }), opts()).cardList.map((c) => c.customerId)).toEqual([s.zhang])
    const none = runJob(db, job({ templateId: id, target: { stage: 'lost' } }), opts())
    expect([none.cards, none.pages, none.warnings.map((w) => w.kind)]).toEqual([0, 0, ['no-cards']])
  })

  it('answers through the contract and refuses a target with two kinds', async () => {
    const ctx = testContext(AS_OF)
    const s = tinyShop(ctx.db)
    const call = testDispatch(ctx)
    const list = await call('printing.templates', {})
    expect(list.ok).toBe(true)
    const bad = await call('printing.preview', { templateId: 1, target: { batch: 1, campaign: 1 } })
    expect(bad).toMatchObject({ ok: false, code: 'BAD_INPUT' })
    const r = await call('printing.preview', { templateId: 1, target: { customerIds: [s.wang] } })
    expect(r).toMatchObject({ ok: true, data: { cards: 1, pages: 1 } })
    expect(await call('printing.print', { templateId: 1, target: { customerIds: [s.wang] } })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
      key: 'noPrinterHere'
    })
    expect(await call('printing.capabilities', {})).toEqual({ ok: true, data: { print: false, pdf: false, printers: [] } })
    expect(await call('printing.preview', { templateId: 1, target: { segment: 'VIP' } })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })
})

describe('printing for a saved segment', () => {
  it('prints one card for each member of the segment as of the day', async () => {
    const ctx = testContext(AS_OF)
    const s = tinyShop(ctx.db)
    const call = testDispatch(ctx)
    const seg = await call('segments.create', { name: '一次客', rule: { field: 'ladder', op: '=', value: 'firstTime' } })
    expect(seg.ok).toBe(true)
    const r = await call('printing.preview', { templateId: 1, target: { segment: '一次客' } })
    const data = (r as { ok: true; data: { cardList: { customerId: number }[] } }).data
    expect(data.cardList.map((c) => c.customerId)).toEqual([s.li, s.zhang])
  })
})

describe('what every print records about phone numbers', () => {
  it('writes an audit line saying whether the output carried whole or masked phone numbers', async () => {
    const ctx = testContext(AS_OF)
    const s = tinyShop(ctx.db)
    const call = testDispatch(ctx)
    const label = templateId(ctx.db, '地址标签 Avery L7160')
    const card = templateId(ctx.db, 'A6 售后卡')
    expect(await call('printing.render', { templateId: label, target: { customerIds: [s.wang] } })).toMatchObject({ ok: true, data: { wholePhones: true } })
    expect(await call('printing.render', { templateId: card, target: { customerIds: [s.wang] } })).toMatchObject({ ok: true, data: { wholePhones: false } })
    // a preview goes to no paper and writes no line
    await call('printing.preview', { templateId: label, target: { customerIds: [s.wang] } })
    const lines = ctx.db.prepare("SELECT detail FROM audit_log WHERE action = 'print' ORDER BY id").pluck().all()
    expect(lines).toEqual([
      `printable page: template ${label} for 1 chosen customers: 1 cards on 1 pages, 0 codes issued, whole phone numbers`,
      `printable page: template ${card} for 1 chosen customers: 1 cards on 1 pages, 1 codes issued, masked phone numbers`
    ])
  })
})
