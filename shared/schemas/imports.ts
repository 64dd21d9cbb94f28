import { z } from 'zod'
import { NoInput } from './common'
import { CustomerPatch } from './customers'

/** The fields of a sales export (what every import read before member and product lists). */
export const salesFields = [
  'orderId',
  'orderedAt',
  'date',
  'timeOfDay',
  'card',
  'phone',
  'name',
  'buyerId',
  'externalId',
  'productCode',
  'productName',
  'category',
  'quantity',
  'unitPrice',
  'amount',
  'status',
  'address',
  'paymentMethod',
  'store',
  'channel',
  'coupon',
  'remark'
] as const

/** The fields a column can be mapped to. */
export const importFields = [
  ...salesFields,
  // member lists (会员资料)
  'firstName',
  'lastName',
  'gender',
  'birthday',
  'birthdayCalendar',
  'age',
  'ageBand',
  'memberSince',
  'posTier',
  'points',
  'storedValue',
  'referrer',
  'tags',
  'notes',
  'childName',
  'childBirthday',
  'childGender',
  'consentSms',
  'consentEmail',
  // product lists (商品资料)
  'barcode',
  'spec',
  'unit',
  'retailPrice',
  'memberPrice',
  'productStatus',
  'daysPerUnit'
] as const
export type ImportField = (typeof importFields)[number]
export const ImportFieldSchema = z.enum(importFields)

/** A file to import: a path (Electron, CLI) or its bytes (the browser host has no paths). */
export const ImportFile = z.union([
  z.object({ path: z.string().min(1).max(4096) }).strict(),
  z
    .object({
      name: z.string().min(1).max(500),
      // 256 MB of bytes is about 342 MB of base64
      dataBase64: z.string().max(360_000_000)
    })
    .strict()
])
export type ImportFile = z.infer<typeof ImportFile>

/** What a file holds: sale lines, people (会员资料) or products (商品资料). */
export const importKinds = ['sales', 'members', 'products'] as const
export const ImportKind = z.enum(importKinds)
export type ImportKind = z.infer<typeof ImportKind>

/** Field → column header; null removes a field the detection had mapped. */
export const MappingSchema = z.partialRecord(ImportFieldSchema, z.string().max(500).nullable())
export type Mapping = Partial<Record<ImportField, string>>

/** Detected settings the user may override; anything left out is detected. */
export const ImportOptions = z
  .object({
    encoding: z.enum(['utf-8', 'utf-16le', 'utf-16be', 'gb18030']).optional(),
    delimiter: z.enum([',', '\t', ';', '|']).optional(),
    /** 1-based row number of the header in the file */
    headerRow: z.number().int().min(1).max(10_000).optional(),
    mapping: MappingSchema.optional(),
    /** day/month order of ambiguous dates like 05/03/2024 */
    dayOrder: z.enum(['dmy', 'mdy']).optional(),
    /** skip 合计/总计/Total rows (default true) */
    skipTotals: z.boolean().optional(),
    /** what the file holds; detected from its columns when left out */
    kind: ImportKind.optional(),
    /** the workbook sheet to read (default: the one with the most filled cells) */
    sheet: z.string().min(1).max(200).optional()
  })
  .strict()
export type ImportOptions = z.infer<typeof ImportOptions>

export const ImportInput = z.object({ file: ImportFile, options: ImportOptions.default({}) }).strict()

/**
 * One cell of a member or product list as the import will store it: an empty cell erases
 * nothing, a row that would be rejected is skipped (its reason on the failing field).
 */
export const StoredSample = z.discriminatedUnion('type', [
  z.object({ type: z.literal('empty') }),
  z.object({ type: z.literal('skipped') }),
  z.object({ type: z.literal('rejected'), reason: z.string() }),
  z.object({ type: z.literal('text'), text: z.string() }),
  z.object({ type: z.literal('fen'), fen: z.number().int() }),
  z.object({ type: z.literal('gender'), gender: z.enum(['f', 'm']) }),
  z.object({ type: z.literal('flag'), value: z.boolean() }),
  /** date: YYYY-MM-DD or MM-DD (of the lunar calendar when lunar); solarThisYear: where a lunar birthday falls in the preview's year */
  z.object({ type: z.literal('birthday'), date: z.string(), lunar: z.boolean(), solarThisYear: z.string().nullable() }),
  z.object({
    type: z.literal('children'),
    children: z.array(z.object({ name: z.string().nullable(), birthday: z.string().nullable(), gender: z.enum(['f', 'm']).nullable() }))
  })
])
export type StoredSample = z.infer<typeof StoredSample>

/** A mapped member or product field with its first rows as they will be stored. */
export const FieldSamples = z.object({ field: ImportFieldSchema, header: z.string(), values: z.array(StoredSample) })
export type FieldSamples = z.infer<typeof FieldSamples>

export const ImportPreview = z.object({
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx', 'xls', 'ods']),
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  headerRow: z.number().int(),
  /** a workbook's sheets (empty for text files) and the one read */
  sheets: z.array(z.string()),
  sheet: z.string().nullable(),
  headers: z.array(z.string()),
  mapping: z.record(z.string(), z.string()),
  mappingSource: z.enum(['given', 'remembered', 'auto']),
  /** the kind imported (the override, else the detected one) */
  kind: ImportKind,
  detectedKind: ImportKind,
  /** why the columns say that kind, in words */
  kindReason: z.object({ zh: z.string(), en: z.string() }),
  dayOrder: z.enum(['dmy', 'mdy']),
  /** the first 50 data rows */
  rows: z.array(z.array(z.string())),
  /** data rows in the file (blank and totals rows not counted) */
  rowsRead: z.number().int(),
  /** 1-based row numbers of the totals rows found */
  totalsRows: z.array(z.number().int()),
  fileTotalFen: z.number().int().nullable(),
  /** members and products: each mapped field with the first rows as stored (empty for sales) */
  samples: z.array(FieldSamples)
})
export type ImportPreview = z.infer<typeof ImportPreview>

export const RowError = z.object({ row: z.number().int(), column: z.string(), value: z.string(), reason: z.string() })
export type RowError = z.infer<typeof RowError>

/** A file value that did not win: a staff edit made after the field's last import, or a second name under one card. */
export const FieldConflict = z.object({
  row: z.number().int(),
  customerId: z.number().int(),
  field: z.string(),
  fileValue: z.string().nullable(),
  keptValue: z.string().nullable(),
  reason: z.enum(['staffEdit', 'sameCardOtherName']),
  /** the customers.update patch that takes the file's value; null when it cannot be taken as it stands (a year-less birthday, a referrer by card) */
  take: CustomerPatch.nullable()
})
export type FieldConflict = z.infer<typeof FieldConflict>

export const ImportResult = z.object({
  file: z.string(),
  batchId: z.number().int(),
  kind: ImportKind,
  format: z.enum(['csv', 'xlsx', 'xls', 'ods']),
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  headerRow: z.number().int(),
  mapping: z.record(z.string(), z.string()),
  rowsRead: z.number().int(),
  rowsImported: z.number().int(),
  rowsRejected: z.number().int(),
  walkIn: z.number().int(),
  excludedByStatus: z.number().int(),
  duplicates: z.number().int(),
  customersCreated: z.number().int(),
  customersMatched: z.number().int(),
  /** the amount of the lines stored by this batch */
  totalFen: z.number().int(),
  /** every readable amount in the file (walk-ins, excluded, duplicates included): compare with the file's totals row */
  readTotalFen: z.number().int(),
  fileTotalFen: z.number().int().nullable(),
  returns: z.number().int(),
  /** the first 100 rejected rows; all of them via imports.rejected */
  errors: z.array(RowError),
  /** member lists: customers whose fields the file changed, and those it found as they were */
  customersUpdated: z.number().int(),
  customersUnchanged: z.number().int(),
  /** file values that lost (listed in conflicts, first 100) */
  fieldConflicts: z.number().int(),
  conflicts: z.array(FieldConflict),
  /** birthdays the file set, by calendar */
  birthdays: z.object({ solar: z.number().int(), lunar: z.number().int() }),
  /** children rows added */
  children: z.number().int(),
  referrersLinked: z.number().int(),
  referrersPending: z.number().int(),
  productsCreated: z.number().int(),
  productsUpdated: z.number().int(),
  /** sold lines whose product got its category from this file */
  linesCategorised: z.number().int(),
  /** things ignored on purpose, with row, column, value and why (a member naming itself as referrer) */
  notices: z.array(RowError)
})
export type ImportResult = z.infer<typeof ImportResult>

export const JobId = z.object({ jobId: z.string().min(1).max(64) }).strict()

export const ImportProgress = z.object({
  jobId: z.string(),
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  phase: z.enum(['reading', 'backup', 'scanning', 'writing', 'finishing']),
  rowsDone: z.number().int(),
  rowsTotal: z.number().int(),
  rowsPerSecond: z.number().int(),
  result: ImportResult.nullable(),
  /** key and params: a catalogued refusal (shared/errors), shown in the reader's language */
  error: z
    .object({ code: z.string(), message: z.string(), key: z.string().optional(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() })
    .nullable()
})
export type ImportProgress = z.infer<typeof ImportProgress>

export const BatchSummary = z.object({
  id: z.number().int(),
  file: z.string(),
  kind: ImportKind,
  importedAt: z.string(),
  format: z.string(),
  rowsRead: z.number().int(),
  rowsImported: z.number().int(),
  rowsRejected: z.number().int(),
  walkIn: z.number().int(),
  excludedByStatus: z.number().int(),
  duplicates: z.number().int(),
  customersCreated: z.number().int(),
  customersMatched: z.number().int(),
  totalFen: z.number().int(),
  fileTotalFen: z.number().int().nullable(),
  undone: z.boolean(),
  undoneAt: z.string().nullable()
})
export type BatchSummary = z.infer<typeof BatchSummary>

export const UndoResult = z.object({
  batchId: z.number().int(),
  linesRemoved: z.number().int(),
  ordersRemoved: z.number().int(),
  customersRemoved: z.number().int(),
  customersKept: z.number().int(),
  productsRemoved: z.number().int(),
  /** profile and product fields written back to what they were before the batch */
  fieldsRestored: z.number().int()
})
export type UndoResult = z.infer<typeof UndoResult>

export const BatchId = z.object({ batchId: z.number().int().min(1) }).strict()

export const importsChannels = {
  /** Read a file and show what was detected: encoding, delimiter, header row, totals rows, mapping, first 50 rows. */
  'imports.preview': { input: ImportInput, output: ImportPreview },
  /** Start importing in the background (a worker thread); answers a job id to poll. */
  'imports.start': { input: ImportInput, output: z.object({ jobId: z.string() }) },
  /** How far a started import is: rows done, rows per second, the result once done. */
  'imports.progress': { input: JobId, output: ImportProgress },
  /** Stop a running import; its transaction is rolled back, nothing is written. */
  'imports.cancel': { input: JobId, output: z.object({ cancelled: z.boolean() }) },
  /** Import a file and wait for the result (the CLI and scripts). */
  'imports.commit': { input: ImportInput, output: ImportResult },
  /** Every import batch, newest first. */
  'imports.batches': { input: NoInput, output: z.array(BatchSummary) },
  /** Undo a batch as a whole: its lines, its emptied orders and the customers only it created. */
  'imports.undo': { input: BatchId, output: UndoResult },
  /** The rejected rows of a batch as CSV text (UTF-8 with BOM, so Excel opens it right). */
  'imports.rejected': { input: BatchId, output: z.object({ fileName: z.string(), csv: z.string(), count: z.number().int() }) }
}
