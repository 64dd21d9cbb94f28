import { describe, expect, it } from 'vitest'
import { testContext, testDispatch } from '../../helpers/db'
import { builtInSheets } from '../../../shared/domain/sheets'
import { listTemplates, getTemplate, saveTemplate, deleteTemplate, duplicateTemplate } from '../../../electron/services/printing'

const AT = '2026-11-23T12:00:00'

describe('print templates', () => {
  it('seeds the built-ins on first use, once', () => {
    const { db } = testContext()
    const first = listTemplates(db, AT)
    expect(first.map((t) => [t.name, t.kind, t.sheet])).toEqual([
      ['A6 售后卡', 'insert', 'a6'],
      ['A4 四拼宣传单（双十一）', 'flyer', 'a4-4up'],
      ['刮刮卡（每张都是一等奖）', 'scratch', 'a4-2x4-borderless'],
      ['地址标签 Avery L7160', 'label', 'avery-l7160'],
      ['地址标签 Avery L7161', 'label', 'avery-l7161'],
      ['地址标签 Avery L7162', 'label', 'avery-l7162'],
      ['地址标签 Avery L7163', 'label', 'avery-l7163'],
      ['地址标签 Avery L7165', 'label', 'avery-l7165'],
      ['地址标签 A4 无边距 2×4', 'label', 'a4-2x4-borderless']
    ])
    expect(listTemplates(db, AT)).toHaveLength(9)
    expect(first.every((t) => t.builtIn)).toBe(true)
  })

  it('keeps every built-in block inside its card', () => {
    const { db } = testContext()
    for (const s of listTemplates(db, AT)) {
      const t = getTemplate(db, s.id)
      for (const b of [...t.body.blocks, ...t.body.variants.flatMap((v) => v.blocks)]) {
        expect(b.x + b.width, `${t.name} ${b.id}`).toBeLessThanOrEqual(t.sheet.cellWidth)
        expect(b.y + b.height, `${t.name} ${b.id}`).toBeLessThanOrEqual(t.sheet.cellHeight)
      }
    }
  })

  it('creates, updates, copies and deletes a template of the shop’s own', () => {
    const { db } = testContext()
    const body = { blocks: [{ id: 'hi', type: 'text' as const, x: 5, y: 5, width: 50, height: 10, text: '你好 {{姓名}}' }] }
    const t = saveTemplate(db, { name: '会员日小卡', kind: 'insert', sheet: builtInSheets.a6, body }, AT)
    expect(t).toMatchObject({ name: '会员日小卡', builtIn: false, body: { theme: 'plain', variants: [], blocks: [{ fontSize: 10, align: 'left' }] } })
    const u = saveTemplate(
      db,
      { id: t.id, name: '会员日小卡', kind: 'insert', sheet: builtInSheets.a6, body: { ...body, theme: 'member-day' } },
      '2026-11-24T09:00:00'
    )
    expect([u.body.theme, u.updatedAt]).toEqual(['member-day', '2026-11-24T09:00:00'])
    const copy = duplicateTemplate(db, t.id, AT)
    expect(copy.name).toBe('会员日小卡 副本')
    expect(deleteTemplate(db, copy.id)).toBe(true)
    expect(() => getTemplate(db, copy.id)).toThrow(expect.objectContaining({ code: 'NOT_FOUND', key: 'templateNotFound', params: { id: copy.id } }))
  })

  it('refuses to delete a built-in, to save a sheet that runs off the page, and duplicate block ids', () => {
    const { db } = testContext()
    const [first] = listTemplates(db, AT)
    expect(() => deleteTemplate(db, first.id)).toThrow(expect.objectContaining({ code: 'CONFLICT', key: 'builtInTemplateUndeletable' }))
    const offPage = { ...builtInSheets['avery-l7160'], marginLeft: 20 }
    expect(() => saveTemplate(db, { name: 'x', kind: 'label', sheet: offPage, body: { blocks: [] } }, AT)).toThrow(/超出纸张右边 5.58 mm/)
    const dup = [1, 2].map(() => ({ id: 'a', type: 'text' as const, x: 0, y: 0, width: 5, height: 5, text: '' }))
    expect(() => saveTemplate(db, { name: 'x', kind: 'insert', sheet: builtInSheets.a6, body: { blocks: dup } }, AT)).toThrow(
      expect.objectContaining({ code: 'BAD_INPUT', key: 'duplicateBlockId', params: { id: 'a' } })
    )
  })

  it('refuses images that are not data URLs at the contract', async () => {
    const ctx = testContext()
    const r = await testDispatch(ctx)('printing.saveTemplate', {
      name: 'x',
      kind: 'insert',
      sheet: builtInSheets.a6,
      body: { blocks: [{ id: 'logo', type: 'image', x: 0, y: 0, width: 10, height: 10, src: 'https://evil.example/logo.png' }] }
    })
    expect(r).toMatchObject({ ok: false, code: 'BAD_INPUT' })
  })
})
