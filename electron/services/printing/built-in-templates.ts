/**
 * The templates every shop starts with: an A6 insert card with variants for new and sleeping
 * customers, a 4-up A4 flyer, a scratch card, and an address label for every built-in label
 * sheet. Seeded on first use; staff edit them or copy them.
 */
import { builtInLabelSheetIds, builtInSheets, type SheetGeometry } from '../../../shared/domain/sheets'
import type { BlockInput, TemplateKind, ThemeId } from '../../../shared/schemas/printing'
import type { z } from 'zod'
import type { TemplateBody } from '../../../shared/schemas/printing'

export interface BuiltInTemplate {
  name: string
  kind: TemplateKind
  sheet: SheetGeometry
  body: z.input<typeof TemplateBody>
}

const text = (id: string, x: number, y: number, width: number, height: number, t: string, fontSize: number, more: Partial<BlockInput> = {}): BlockInput =>
  ({ id, type: 'text', x, y, width, height, text: t, fontSize, ...more }) as BlockInput

function insertCard(): BuiltInTemplate {
  const common = (greeting: string, body: string, offer: string): BlockInput[] => [
    text('shop', 8, 8, 62, 9, '{{店名}}', 15, { bold: true, accent: true }),
    text('greeting', 8, 22, 89, 7, greeting, 11, { bold: true }),
    text('body', 8, 31, 89, 26, body, 9.5, { lineHeight: 1.5 }),
    text('recommend', 8, 60, 89, 12, '为您推荐：{{推荐商品}}', 10, { accent: true, bold: true }),
    { id: 'qr', type: 'qr', x: 8, y: 76, width: 30, height: 30, target: '{{店铺链接}}', caption: '喜欢它么？扫一扫直接带回家' },
    text('offer', 44, 78, 53, 14, offer, 9, { lineHeight: 1.4 }),
    { id: 'coupon', type: 'code', codeKind: 'coupon', x: 44, y: 94, width: 53, height: 14, label: '专属优惠码', fontSize: 12 },
    text('footer', 8, 128, 89, 12, '{{会员等级}} · 如有任何问题请联系客服，我们一定负责到底。', 7.5, { align: 'center', lineHeight: 1.4 })
  ]
  return {
    name: 'A6 售后卡',
    kind: 'insert',
    sheet: builtInSheets.a6,
    body: {
      theme: 'plain',
      shopName: '',
      blocks: common(
        '亲爱的{{称呼}}：',
        '感谢您一直以来的信任！您买的{{上次购买}}用得还好吗？宝宝用品我们每一件都亲自挑过，有任何不满意随时找我们。',
        '下次购物出示或在订单备注填写优惠码，立减 10 元。'
      ),
      // a sleeping first-time buyer needs the come-back card more than the welcome: first match wins
      variants: [
        {
          id: 'come-back',
          name: '沉睡老客：回归券',
          when: { lifecycle: ['sleeping', 'drifting', 'lost'], ladder: [] },
          blocks: common(
            '{{称呼}}，好久不见，我们想您了！',
            '距离您上次购买{{上次购买}}已经有一段时间了。宝宝长得快，需要的东西也在变，我们为您准备了一张回归券。',
            '回归券：满 99 减 20，30 天内有效。'
          )
        },
        {
          id: 'new',
          name: '新客：关注店铺',
          when: { ladder: ['firstTime'], lifecycle: [] },
          blocks: common(
            '{{称呼}}，欢迎成为我们的新朋友！',
            '谢谢您第一次选择我们。扫码关注店铺公众号，领取 5 元返现红包，新品和育儿小知识第一时间告诉您。',
            '关注后把优惠码发给客服，即可领取返现。'
          )
        }
      ]
    }
  }
}

function flyer(): BuiltInTemplate {
  return {
    name: 'A4 四拼宣传单（双十一）',
    kind: 'flyer',
    sheet: builtInSheets['a4-4up'],
    body: {
      theme: 'double-11',
      cutMarks: true,
      blocks: [
        text('heading', 8, 10, 60, 12, '{{主题标题}}', 17, { bold: true, accent: true }),
        text('shop', 8, 24, 89, 7, '{{店名}} 感谢{{称呼}}的支持', 10),
        text('body', 8, 36, 89, 30, '老客户专享：全场奶粉满 299 减 30，纸尿裤第二件半价。活动时间 11 月 1 日至 11 日，数量有限，先到先得。', 10, {
          lineHeight: 1.5
        }),
        text('recommend', 8, 70, 89, 12, '猜您需要：{{推荐商品}}', 11, { bold: true, accent: true }),
        { id: 'qr', type: 'qr', x: 8, y: 88, width: 34, height: 34, target: '{{店铺链接}}', caption: '扫一扫直接带回家' },
        { id: 'coupon', type: 'code', codeKind: 'coupon', x: 48, y: 94, width: 49, height: 16, label: '双十一优惠码', fontSize: 12 },
        text('footer', 8, 134, 89, 8, '{{店名}}', 8, { align: 'center' })
      ]
    }
  }
}

function scratchCard(): BuiltInTemplate {
  return {
    name: '刮刮卡（每张都是一等奖）',
    kind: 'scratch',
    sheet: builtInSheets['a4-2x4-borderless'],
    body: {
      theme: 'plain',
      cutMarks: true,
      blocks: [
        text('heading', 8, 6, 89, 10, '刮开有惊喜 · 每张都是一等奖', 14, { bold: true, accent: true, align: 'center' }),
        text('to', 8, 18, 89, 7, '送给{{称呼}}', 10, { align: 'center' }),
        { id: 'scratch', type: 'code', codeKind: 'scratch', x: 22.5, y: 28, width: 60, height: 18, label: '刮开涂层', fontSize: 14 },
        text('how', 8, 50, 89, 12, '凭刮开的券码到店出示，或网购时在订单备注填写，即得现金红包。', 8.5, { align: 'center', lineHeight: 1.4 }),
        text('shop', 8, 64, 89, 6, '{{店名}}', 8, { align: 'center' })
      ]
    }
  }
}

/** An address label sized to its sheet: name and phone on top, the address below. */
function addressLabel(sheet: SheetGeometry): BuiltInTemplate {
  const pad = sheet.cellHeight < 36 ? 2.5 : 3.5
  const w = sheet.cellWidth - 2 * pad
  const nameSize = sheet.cellHeight < 36 ? 10 : 11
  const nameH = Math.round(nameSize * 0.3528 * 1.35 * 100) / 100
  const addrSize = sheet.cellWidth < 70 ? 8 : 9
  const shopH = 4
  const addrH = Math.round((sheet.cellHeight - 2 * pad - nameH - 1 - shopH) * 100) / 100
  const maker = sheet.name.split(' (')[0]
  return {
    name: `地址标签 ${maker}`,
    kind: 'label',
    sheet,
    body: {
      theme: 'plain',
      blocks: [
        text('name', pad, pad, w, nameH, '{{姓名}}  {{手机}}', nameSize, { bold: true, lineHeight: 1.35 }),
        text('address', pad, pad + nameH + 1, w, addrH, '{{地址}}', addrSize, { lineHeight: 1.3 }),
        text('from', pad, sheet.cellHeight - pad - shopH, w, shopH, '{{店名}}', 7, { align: 'right', lineHeight: 1.2 })
      ]
    }
  }
}

/** Every built-in template, in the order the list shows them. */
export function builtInTemplates(): BuiltInTemplate[] {
  return [insertCard(), flyer(), scratchCard(), ...builtInLabelSheetIds.map((id) => addressLabel(builtInSheets[id]))]
}

export type { ThemeId }
