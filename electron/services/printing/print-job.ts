/**
 * A print job from template and target to document: pick each customer's variant, merge
 * fields, draw codes, place cards from label N on, and collect the warnings staff must see
 * before paper is spent (empty fields, overflowing text, missing QR targets).
 */
import type { Db } from '../../db/driver'
import { cellsPerSheet, type SheetGeometry } from '../../../shared/domain/sheets'
import type { LifecycleThresholds } from '../../../shared/domain/lifecycle'
import type { TierRules } from '../../../shared/domain/tiers'
import type { z } from 'zod'
import type { Block, Calibration, PrintJobInput, PrintPreview, PrintWarning, Template, TemplateBody, Variant } from '../../../shared/schemas/printing'
import { TemplateBody as TemplateBodySchema } from '../../../shared/schemas/printing'
import { calibrationFor } from './calibrations'
import { formatCode, generateCode } from './codes'
import { storeDrawnCodes, type CodeRequest } from './code-store'
import { factsLoader, lifecycleLabels, type CustomerFacts } from './customer-facts'
import { mergeText, type MergeValues } from './merge-fields'
import { documentHtml, renderCell, type MergedBlock, type PlacedCard } from './render-html'
import { resolveTarget } from './targets'
import { fitText } from './text-fit'
import { themes } from './themes'
import { getTemplate } from './template-repo'
import { getShopName } from '../settings/shop-name'
import { refuse } from '../../../shared/errors/refuse'

export type ParsedJob = z.output<typeof PrintJobInput>

export interface JobOptions {
  asOf: string
  thresholds: LifecycleThresholds
  /** the shop's member-tier rules for {{会员等级}} (defaults when absent) */
  tiers?: TierRules
  /** true: store the codes (a real print); false: draw throwaway codes (a preview) */
  commit: boolean
  /** draws a fresh code (tests draw known ones); random codes by default */
  draw?: () => string
}

export interface JobResult extends PrintPreview {
  codesIssued: number
}

const DEFAULT_DESIGN = '默认'

/** The variant for a customer: the first whose lifecycle or ladder list names their stage. */
export function pickVariant(body: TemplateBody, facts: Pick<CustomerFacts, 'lifecycle' | 'ladder'>): Variant | null {
  for (const v of body.variants) {
    if (facts.lifecycle && v.when.lifecycle.includes(facts.lifecycle)) return v
    if (v.when.ladder.includes(facts.ladder)) return v
  }
  return null
}

/** Merge values for one card. */
export function valuesFor(f: CustomerFacts, body: TemplateBody, shopName: string, code: string | null, formattedCode: string | null): MergeValues {
  return {
    姓名: f.name,
    称呼: f.salutation,
    会员等级: f.tier,
    生命周期: f.lifecycle ? lifecycleLabels[f.lifecycle] : null,
    上次购买: f.lastProduct,
    上次购买日期: f.lastDate,
    推荐商品: f.recommended?.name ?? null,
    推荐商品编码: f.recommended?.code || null,
    优惠码: code ? formattedCode : null,
    手机: f.phone,
    地址: f.address,
    店名: shopName,
    店铺链接: body.shopUrl,
    订单号: f.orderNo,
    主题标题: themes[body.theme].heading
  }
}

function needsCode(blocks: Block[]): 'coupon' | 'scratch' | null {
  if (blocks.some((b) => b.type === 'code' && b.codeKind === 'scratch')) return 'scratch'
  if (blocks.some((b) => b.type === 'code' || (b.type === 'text' && b.text.includes('优惠码')) || (b.type === 'qr' && b.target.includes('优惠码'))))
    return 'coupon'
  return null
}

/** Whether any design prints {{推荐商品}} or {{推荐商品编码}} (a label does not: its facts need no recommendation). */
function showsRecommendation(body: TemplateBody): boolean {
  const uses = (b: Block) => (b.type === 'text' && b.text.includes('推荐商品')) || (b.type === 'qr' && b.target.includes('推荐商品'))
  return [body.blocks, ...body.variants.map((v) => v.blocks)].some((blocks) => blocks.some(uses))
}

class WarningBook {
  private map = new Map<string, PrintWarning>()
  add(key: string, make: () => Omit<PrintWarning, 'count' | 'examples'>, example?: string): void {
    let w = this.map.get(key)
    if (!w) this.map.set(key, (w = { ...make(), count: 0, examples: [] }))
    w.count++
    if (example && w.examples.length < 5 && !w.examples.includes(example)) w.examples.push(example)
  }
  list(): PrintWarning[] {
    return [...this.map.values()]
  }
}

/** Blocks that stick out of the cell: a design mistake, reported once per block. */
function outsideWarnings(book: WarningBook, sheet: SheetGeometry, design: Block[], variant: string): void {
  for (const b of design) {
    if (b.x < -0.01 || b.y < -0.01 || b.x + b.width > sheet.cellWidth + 0.01 || b.y + b.height > sheet.cellHeight + 0.01) {
      book.add(`outside:${variant}:${b.id}`, () => ({
        kind: 'outside-cell',
        blockId: b.id,
        variant,
        message: `「${b.id}」超出了 ${sheet.cellWidth}×${sheet.cellHeight} mm 的卡片范围，超出部分不会打印 (block runs outside the cell)`
      }))
    }
  }
}

/**
 * Whole phone numbers or masked ones: what the print asks, else an address label carries the
 * whole number (a courier cannot ring 138****1234) and a card follows its template, masked unless
 * the template says otherwise — a card travels inside a parcel and is read by anyone.
 */
export function carriesWholePhones(kind: Template['kind'], body: Pick<TemplateBody, 'fullPhone'>, asked: boolean | undefined): boolean {
  if (asked !== undefined) return asked
  return kind === 'label' ? true : body.fullPhone
}

/** Cards built per step of a job: about 40 ms of the server's time a step at 20,000 customers. */
export const CARDS_PER_STEP = 250

/** Where a job's steps stand: cards built of the run's cards, and what the next step does. */
export interface PrintStep {
  /** 'cards': building the next cards; 'store': storing the codes and writing the document */
  stage: 'cards' | 'store'
  done: number
  total: number
}

/** Build the document for a job: a preview (throwaway codes) or a real print (stored codes). */
export function runJob(db: Db, input: ParsedJob, options: JobOptions): JobResult {
  const steps = printJobSteps(db, input, options)
  for (;;) {
    const next = steps.next()
    if (next.done) return next.value
  }
}

/**
 * runJob a step at a time (printing.printStart drives it through a job, runJob to its end at
 * once): the target and the shop's popular products are read first, then each step builds
 * `perStep` cards — their customers' facts, the merge, the warnings, each card's HTML — with
 * codes drawn in memory; the last step checks nobody on the run was erased or merged away
 * meanwhile, stores the codes in one transaction (a code that clashes with one stored since is
 * drawn again and its card rebuilt) and writes the document. So a job stopped before its last
 * step has stored no code.
 */
export function* printJobSteps(db: Db, input: ParsedJob, options: JobOptions, perStep = CARDS_PER_STEP): Generator<PrintStep, JobResult> {
  const stored: Pick<Template, 'id' | 'name' | 'kind' | 'sheet' | 'body'> | null = input.draft ? null : getTemplate(db, input.templateId)
  const template = stored ?? {
    id: input.templateId,
    name: '草稿',
    kind: input.draft!.kind,
    sheet: input.draft!.sheet,
    body: TemplateBodySchema.parse(input.draft!.body)
  }
  if (input.draft) getTemplate(db, input.templateId) // the draft belongs to an existing template
  const { sheet, body } = template
  const perSheet = cellsPerSheet(sheet)
  if (input.startAt > perSheet) throw refuse('startLabelOutOfRange', { perSheet })
  const calibration: Calibration = input.calibration ?? calibrationFor(db, input.printer)
  const shopName = getShopName(db)
  const target = resolveTarget(db, input.target, options.asOf, options.thresholds)
  const recipients = input.limit ? target.recipients.slice(0, input.limit) : target.recipients
  const wholePhones = carriesWholePhones(template.kind, body, input.fullPhones)
  const factsOf = factsLoader(db, options.asOf, options.thresholds, wholePhones, options.tiers, showsRecommendation(body))
  const draw = options.draw ?? (() => generateCode())
  const book = new WarningBook()
  const total = recipients.length

  outsideWarnings(book, sheet, body.blocks, DEFAULT_DESIGN)
  for (const v of body.variants) outsideWarnings(book, sheet, v.blocks, v.name)
  if (total === 0) book.add('none', () => ({ kind: 'no-cards', message: '这个打印对象里没有客户 (the target has no customers)' }))

  const cells: string[] = []
  const cardList: PrintPreview['cardList'] = []
  /** the cards that carry a code, in print order: what the last step stores */
  const coded: { card: number; facts: CustomerFacts; request: CodeRequest & { code: string } }[] = []
  const build = (f: CustomerFacts, i: number, code: string | null, into: WarningBook) =>
    buildCard(f, body, shopName, code, input.startAt - 1 + i, perSheet, into)

  for (let from = 0; from < total; from += perStep) {
    yield { stage: 'cards', done: from, total }
    factsOf(recipients.slice(from, from + perStep)).forEach((f, k) => {
      const i = from + k
      const variant = pickVariant(body, f)
      const kind = needsCode(variant ? variant.blocks : body.blocks)
      const code = kind ? draw() : null
      if (kind)
        coded.push({
          card: i,
          facts: f,
          request: { customerId: f.customerId, campaignId: target.campaignId, templateId: stored?.id ?? null, kind, code: code! }
        })
      const card = build(f, i, code, book)
      cells.push(renderCell(sheet, body.theme, card.placed))
      if (cardList.length < 500) cardList.push(card.info)
    })
  }
  yield { stage: 'store', done: total, total }

  // the shop may have changed between steps: nobody erased or merged away gets a card, no code names a deleted template
  if (stored) getTemplate(db, stored.id)
  if (goneSince(db, recipients) > 0) throw refuse('printTargetChanged')
  if (options.commit) {
    const codes = storeDrawnCodes(
      db,
      coded.map((c) => c.request),
      options.asOf,
      draw
    )
    // a code drawn again (it clashed with one stored meanwhile): its card shows the stored one
    coded.forEach((c, n) => {
      if (codes[n] === c.request.code) return
      const card = build(c.facts, c.card, codes[n], new WarningBook())
      cells[c.card] = renderCell(sheet, body.theme, card.placed)
      if (c.card < cardList.length) cardList[c.card] = card.info
    })
  }

  const pages = total === 0 ? 0 : Math.floor((input.startAt - 1 + total - 1) / perSheet) + 1
  const pageCells: string[][] = Array.from({ length: pages }, () => [])
  cells.forEach((cell, i) => pageCells[Math.floor((input.startAt - 1 + i) / perSheet)].push(cell))
  const html = documentHtml({ title: `${template.name} · ${target.label}`, sheet, theme: body.theme, cutMarks: body.cutMarks, calibration }, pageCells)
  return { html, pages, cards: total, sheet, calibration, warnings: book.list(), cardList, wholePhones, codesIssued: options.commit ? coded.length : 0 }
}

/** How many of the run's customers were erased or merged away (since the target was read). */
function goneSince(db: Db, recipients: { customerId: number }[]): number {
  return db
    .prepare('SELECT count(*) FROM customers WHERE id IN (SELECT value FROM json_each(?)) AND (erased_at IS NOT NULL OR merged_into IS NOT NULL)')
    .pluck()
    .get(JSON.stringify([...new Set(recipients.map((r) => r.customerId))])) as number
}

/** One card: its blocks merged and placed at `slot` (0-based from the sheet's first label), the warnings it raises told to `book`. */
function buildCard(
  f: CustomerFacts,
  body: TemplateBody,
  shopName: string,
  code: string | null,
  slot: number,
  perSheet: number,
  book: WarningBook
): { placed: PlacedCard; info: PrintPreview['cardList'][number] } {
  const variant = pickVariant(body, f)
  const design = variant ? variant.blocks : body.blocks
  const variantName = variant?.name ?? DEFAULT_DESIGN
  const values = valuesFor(f, body, shopName, code, code ? formatCode(code) : null)
  const who = f.orderNo ? `${f.name ?? `#${f.customerId}`} (${f.orderNo})` : (f.name ?? `#${f.customerId}`)
  const placed: PlacedCard = { page: Math.floor(slot / perSheet), cell: slot % perSheet, blocks: [] }
  const reportFields = (m: { empty: string[]; unknown: string[] }) => {
    for (const field of m.empty) book.add(`empty:${field}`, () => ({ kind: 'empty-field', field, message: `{{${field}}} 为空 (merge field is empty)` }), who)
    for (const field of m.unknown)
      book.add(`unknown:${field}`, () => ({ kind: 'unknown-field', field, message: `{{${field}}} 不是可用的合并字段 (not a merge field)` }), who)
  }
  for (const b of design) {
    if (b.type === 'text') {
      const m = mergeText(b.text, values)
      reportFields(m)
      if (fitText(m.text, b.fontSize, b.lineHeight, b.width, b.height).overflows)
        book.add(
          `overflow:${variantName}:${b.id}`,
          () => ({ kind: 'overflow', blockId: b.id, variant: variantName, message: `「${b.id}」文字放不下，会被截断 (text overflows its box)` }),
          who
        )
      placed.blocks.push({ ...b, merged: m.text })
    } else if (b.type === 'qr') {
      const m = mergeText(b.target, values)
      reportFields(m)
      const usable = m.empty.length === 0 && m.unknown.length === 0 && /^https?:\/\/\S+$/i.test(m.text.trim())
      if (!usable)
        book.add(
          `qr:${variantName}:${b.id}`,
          () => ({
            kind: 'missing-qr',
            blockId: b.id,
            variant: variantName,
            message: `「${b.id}」没有可用的二维码链接，这些卡片不印二维码；请在售后卡页的「店铺链接」填写以 https:// 开头的网址 (no usable QR link: these cards print without a QR code; set 店铺链接 on the cards page)`
          }),
          who
        )
      placed.blocks.push({ ...b, merged: usable ? m.text.trim() : null })
    } else if (b.type === 'code') {
      placed.blocks.push({ ...b, code: code ?? '' })
    } else placed.blocks.push(b as MergedBlock)
  }
  return {
    placed,
    info: { customerId: f.customerId, name: f.name ?? '', orderId: f.orderId, variant: variantName, page: placed.page + 1, cell: placed.cell + 1, code }
  }
}
