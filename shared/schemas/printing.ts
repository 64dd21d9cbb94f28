/**
 * Insert cards, flyers, address labels and scratch cards: templates (sheet geometry + blocks
 * + variants per customer stage), previews merged from real customers with warnings, the
 * printable document, printer calibration and the unique codes printed on cards.
 */
import { z } from 'zod'
import { IsoDate } from './common'
import { lifecycleStages } from '../domain/lifecycle'

export const templateKinds = ['insert', 'flyer', 'label', 'scratch'] as const
export const TemplateKind = z.enum(templateKinds)
export type TemplateKind = z.infer<typeof TemplateKind>

export const themeIds = ['plain', 'womens-day', 'childrens-day', 'double-11', 'member-day', 'birthday'] as const
export const ThemeId = z.enum(themeIds)
export type ThemeId = z.infer<typeof ThemeId>

/** The six steps of the loyalty ladder (DOMAIN.md). */
export const ladderStages = ['prospect', 'target', 'firstTime', 'repeat', 'core', 'advocate'] as const
export const LadderStage = z.enum(ladderStages)
export type LadderStage = z.infer<typeof LadderStage>

/** The merge fields a template may use (descriptions in electron/services/printing/merge-fields.ts). */
export const mergeFieldNames = [
  '姓名',
  '称呼',
  '会员等级',
  '生命周期',
  '上次购买',
  '上次购买日期',
  '推荐商品',
  '推荐商品编码',
  '优惠码',
  '手机',
  '地址',
  '店名',
  '店铺链接',
  '订单号',
  '主题标题'
] as const

const mm = z.number().min(-1000).max(1000)
const size = z.number().min(0.5).max(1000)

export const SheetGeometry = z.object({
  id: z.string().min(1).max(60),
  name: z.string().min(1).max(80),
  kind: z.enum(['page', 'labels']),
  pageWidth: size,
  pageHeight: size,
  columns: z.number().int().min(1).max(20),
  rows: z.number().int().min(1).max(40),
  cellWidth: size,
  cellHeight: size,
  marginTop: z.number().min(0).max(500),
  marginLeft: z.number().min(0).max(500),
  pitchX: size,
  pitchY: size,
  cornerRadius: z.number().min(0).max(50).optional()
})

const blockBase = {
  /** stable within a template, for warnings and the designer */
  id: z.string().min(1).max(40),
  x: mm,
  y: mm,
  width: size,
  height: size
}

export const TextBlock = z.object({
  ...blockBase,
  type: z.literal('text'),
  /** may hold merge fields such as {{姓名}} */
  text: z.string().max(2000),
  /** points */
  fontSize: z.number().min(4).max(96).default(10),
  bold: z.boolean().default(false),
  align: z.enum(['left', 'center', 'right']).default('left'),
  /** use the theme's accent colour instead of its ink */
  accent: z.boolean().default(false),
  /** line height as a multiple of the font size */
  lineHeight: z.number().min(0.8).max(3).default(1.3)
})

export const ImageBlock = z.object({
  ...blockBase,
  type: z.literal('image'),
  /** a data: URL so the document stays self-contained */
  src: z
    .string()
    .max(2_000_000)
    .refine((s) => s === '' || /^data:image\/(png|jpeg|gif|webp|svg\+xml);base64,/.test(s), { message: '图片必须是 data: URL (image must be a data URL)' }),
  fit: z.enum(['contain', 'cover']).default('contain')
})

export const QrBlock = z.object({
  ...blockBase,
  type: z.literal('qr'),
  /** the URL the code opens; merge fields allowed (e.g. {{推荐商品链接}} or a coupon link with {{优惠码}}) */
  target: z.string().max(1000),
  /** a caption under the code, e.g. 喜欢它么？扫一扫直接带回家 */
  caption: z.string().max(200).default('')
})

export const CodeBlock = z.object({
  ...blockBase,
  type: z.literal('code'),
  /** coupon: printed openly; scratch: printed under a scratch-off area */
  codeKind: z.enum(['coupon', 'scratch']),
  label: z.string().max(60).default('优惠码'),
  fontSize: z.number().min(4).max(96).default(12)
})

export const Block = z.discriminatedUnion('type', [TextBlock, ImageBlock, QrBlock, CodeBlock])
export type Block = z.infer<typeof Block>
export type BlockInput = z.input<typeof Block>

/** Which customers a variant is for: any listed lifecycle or ladder stage matches. */
export const VariantRule = z.object({
  lifecycle: z.array(z.enum(lifecycleStages)).default([]),
  ladder: z.array(LadderStage).default([])
})

export const Variant = z.object({
  id: z.string().min(1).max(40),
  name: z.string().min(1).max(60),
  when: VariantRule,
  blocks: z.array(Block).max(60)
})
export type Variant = z.infer<typeof Variant>

export const TemplateBody = z.object({
  theme: ThemeId.default('plain'),
  /** the {{店名}} merge field */
  shopName: z.string().max(60).default(''),
  /** the {{店铺链接}} merge field: the shop's page, for QR codes */
  shopUrl: z.string().max(500).default(''),
  /** print each cell's outline (for plain paper cut by hand; never on die-cut labels) */
  cutMarks: z.boolean().default(false),
  /** show full phone numbers ({{手机}} is masked unless this is on) */
  fullPhone: z.boolean().default(false),
  /** the default design, for customers no variant matches */
  blocks: z.array(Block).max(60),
  /** the first variant whose rule matches a customer wins */
  variants: z.array(Variant).max(12).default([])
})
export type TemplateBody = z.infer<typeof TemplateBody>

export const Template = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: TemplateKind,
  sheet: SheetGeometry,
  body: TemplateBody,
  builtIn: z.boolean(),
  updatedAt: z.string()
})
export type Template = z.infer<typeof Template>

export const TemplateSummary = z.object({ id: z.number().int(), name: z.string(), kind: TemplateKind, sheet: z.string(), builtIn: z.boolean() })
export type TemplateSummary = z.infer<typeof TemplateSummary>

export const SaveTemplateInput = z
  .object({
    /** absent: create a new template */
    id: z.number().int().optional(),
    name: z.string().trim().min(1).max(80),
    kind: TemplateKind,
    sheet: SheetGeometry,
    body: TemplateBody
  })
  .strict()

export const Calibration = z.object({
  /** mm to move everything right (negative: left) */
  offsetX: z.number().min(-20).max(20).default(0),
  /** mm to move everything down (negative: up) */
  offsetY: z.number().min(-20).max(20).default(0),
  scaleX: z.number().min(0.8).max(1.2).default(1),
  scaleY: z.number().min(0.8).max(1.2).default(1)
})
export type Calibration = z.infer<typeof Calibration>

export const PrinterCalibration = Calibration.extend({ printer: z.string().trim().min(1).max(120) })
export type PrinterCalibration = z.infer<typeof PrinterCalibration>

/** Who gets a card: exactly one of these. */
export const PrintTarget = z
  .object({
    /** a saved segment, by name or id */
    segment: z.union([z.string().min(1), z.number().int()]).optional(),
    /** a campaign's treated members */
    campaign: z.number().int().optional(),
    /** the orders of an import batch: one card per parcel */
    batch: z.number().int().optional(),
    /** customers in a lifecycle stage (as of today) */
    stage: z.enum(lifecycleStages).optional(),
    customerIds: z.array(z.number().int()).max(100_000).optional()
  })
  .strict()
  .refine((t) => [t.segment, t.campaign, t.batch, t.stage, t.customerIds].filter((v) => v !== undefined).length === 1, {
    message: '请选择一个打印对象：分群、活动、导入批次、生命周期或客户 (choose exactly one target)'
  })
export type PrintTarget = z.infer<typeof PrintTarget>

export const PrintJobInput = z
  .object({
    templateId: z.number().int(),
    target: PrintTarget,
    /** 1-based label to start at on a partly used first sheet */
    startAt: z.number().int().min(1).max(400).default(1),
    /** explicit calibration; else the saved one for `printer`; else none */
    calibration: Calibration.optional(),
    printer: z.string().max(120).optional(),
    /** unsaved designer edits: preview these instead of the stored sheet and body */
    draft: z.object({ kind: TemplateKind, sheet: SheetGeometry, body: TemplateBody }).optional(),
    /** at most this many cards (a quick look while designing) */
    limit: z.number().int().min(1).max(100_000).optional(),
    /** whole phone numbers on this print; absent: address labels carry them (the courier needs them), cards follow the template's 显示完整手机号 (masked by default) */
    fullPhones: z.boolean().optional(),
    asOf: IsoDate.optional()
  })
  .strict()
export type PrintJobInput = z.input<typeof PrintJobInput>

export const warningKinds = ['empty-field', 'overflow', 'missing-qr', 'outside-cell', 'no-cards', 'unknown-field'] as const
export const PrintWarning = z.object({
  kind: z.enum(warningKinds),
  /** the merge field, for empty-field and unknown-field */
  field: z.string().optional(),
  blockId: z.string().optional(),
  variant: z.string().optional(),
  count: z.number().int(),
  /** up to five customer names (or order numbers) it concerns */
  examples: z.array(z.string()),
  message: z.string()
})
export type PrintWarning = z.infer<typeof PrintWarning>

export const CardInfo = z.object({
  customerId: z.number().int(),
  name: z.string(),
  orderId: z.number().int().nullable(),
  variant: z.string(),
  page: z.number().int(),
  cell: z.number().int(),
  code: z.string().nullable()
})

export const PrintPreview = z.object({
  html: z.string(),
  pages: z.number().int(),
  cards: z.number().int(),
  sheet: SheetGeometry,
  calibration: Calibration,
  warnings: z.array(PrintWarning),
  /** the first 500 cards, in print order */
  cardList: z.array(CardInfo),
  /** whether {{手机}} prints whole numbers on this output (the dialog says so, the audit line records it) */
  wholePhones: z.boolean()
})
export type PrintPreview = z.infer<typeof PrintPreview>

export const PrintRendered = PrintPreview.extend({ codesIssued: z.number().int() })

/** What a print sent out through the front's sink tells: the run's size, the codes it stored, whether whole phone numbers went out. */
const SentOut = { cards: z.number().int(), pages: z.number().int(), codesIssued: z.number().int(), wholePhones: z.boolean() }
/** printing.print's reply: printed false when the user closed the print dialog. */
export const Printed = z.object({ printed: z.boolean(), ...SentOut })
/** printing.savePdf's reply: path null when the user cancelled the save dialog. */
export const PdfSaved = z.object({ path: z.string().nullable(), ...SentOut })

export const RedeemInput = z.object({ code: z.string().trim().min(4).max(40), at: IsoDate.optional() }).strict()
export const Redemption = z.object({
  code: z.string(),
  customerId: z.number().int().nullable(),
  customerName: z.string().nullable(),
  campaignId: z.number().int().nullable(),
  templateId: z.number().int().nullable(),
  kind: z.string(),
  printedAt: z.string(),
  redeemedAt: z.string(),
  /** true when the code had been redeemed before: the earlier date stands */
  alreadyRedeemed: z.boolean()
})
export type Redemption = z.infer<typeof Redemption>

export const TargetOptions = z.object({
  segments: z.array(z.object({ id: z.number().int(), name: z.string() })),
  campaigns: z.array(z.object({ id: z.number().int(), name: z.string(), treated: z.number().int() })),
  batches: z.array(z.object({ id: z.number().int(), fileName: z.string(), importedAt: z.string(), orders: z.number().int() }))
})

export const Capabilities = z.object({
  /** Electron: the system print dialog and PDF are available; the browser host prints from a new tab */
  print: z.boolean(),
  pdf: z.boolean(),
  printers: z.array(z.string())
})

const IdInput = z.object({ id: z.number().int() }).strict()

export const printingChannels = {
  /** Every template (built-ins seeded on first use), newest first after the built-ins. */
  'printing.templates': { input: z.object({}).strict(), output: z.array(TemplateSummary) },
  /** One template with its sheet, blocks and variants. */
  'printing.template': { input: IdInput, output: Template },
  /** Create (no id) or update a template; answers with the stored template. */
  'printing.saveTemplate': { input: SaveTemplateInput, output: Template },
  /** Copy a template (built-ins included) under a new name. */
  'printing.duplicateTemplate': { input: IdInput, output: Template },
  /** Delete a template of the shop's own; built-ins cannot be deleted. */
  'printing.deleteTemplate': { input: IdInput, output: z.object({ deleted: z.boolean() }) },
  /** What can be printed for: segments, campaigns, import batches. */
  'printing.targets': { input: z.object({}).strict(), output: TargetOptions },
  /** Every page merged from real customers plus warnings; issues no codes. */
  'printing.preview': { input: PrintJobInput, output: PrintPreview },
  /** The printable document for real: unique codes are issued and stored. */
  'printing.render': { input: PrintJobInput, output: PrintRendered },
  /** Electron only: render, then open the system print dialog. */
  'printing.print': { input: PrintJobInput, output: Printed },
  /** Electron only: render, then save a PDF where the user chooses. */
  'printing.savePdf': { input: PrintJobInput, output: PdfSaved },
  /** printing.print as a job: its id at once; jobs.progress counts the cards built, the result is printing.print's reply. */
  'printing.printStart': { input: PrintJobInput, output: z.object({ jobId: z.string() }) },
  /** printing.savePdf as a job, the same way. */
  'printing.savePdfStart': { input: PrintJobInput, output: z.object({ jobId: z.string() }) },
  /** printing.render as a job, the same way: its result is printing.render's reply (the printable page, its codes stored). */
  'printing.renderStart': { input: PrintJobInput, output: z.object({ jobId: z.string() }) },
  /** Whether this host can print and make PDFs itself, and its printers. */
  'printing.capabilities': { input: z.object({}).strict(), output: Capabilities },
  /** Saved printer calibrations. */
  'printing.calibrations': { input: z.object({}).strict(), output: z.array(PrinterCalibration) },
  /** Save one printer's calibration (x/y offset and scale). */
  'printing.saveCalibration': { input: PrinterCalibration.strict(), output: PrinterCalibration },
  /** Staff type a code from a card: mark it redeemed. */
  'printing.redeem': { input: RedeemInput, output: Redemption }
}
