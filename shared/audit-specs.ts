/**
 * What the audit trail writes for each channel, in one place: every channel of the contract is
 * either 'reads' (changes nothing the shop would ask about later) or has the line it leaves, built
 * from its parsed input and its reply. The IPC layer writes the line after the handler answers
 * (electron/ipc/audit-trail.ts), so a service never writes one itself and a new action cannot be
 * forgotten: the map is typed over every channel, and a test reads it against the contract.
 *
 * Details carry ids, counts and settings keys only, never names, phones or addresses: the trail
 * must outlive an erased customer without keeping their personal data.
 */
import type { Channel, ChannelOutput, ParsedInput } from './ipc-contract'
import type { ImportResult } from './schemas/imports'

export const auditActions = [
  'import',
  'undo-import',
  'import-cancel',
  'merge',
  'undo-merge',
  'erase',
  'customer-edit',
  'contact',
  'view',
  'export',
  'print',
  'template',
  'calibration',
  'redeem',
  'backup',
  'restore',
  'import-all',
  'campaign',
  'gift',
  'segment',
  'call',
  'consent-withdrawn',
  'consent-restored',
  'care-settings',
  'settings',
  'passcode-set',
  'passcode-clear',
  'unlock',
  'unlock-failed',
  'lock'
] as const
export type AuditAction = (typeof auditActions)[number]

export interface AuditLine {
  action: AuditAction
  detail: string
}

/** A channel that changes something: the line for a call that did it (null: this call changed nothing, e.g. a dry run). */
export interface AuditSpec<C extends Channel> {
  line: (input: ParsedInput<C>, output: ChannelOutput<C>) => AuditLine | null
  /** a refused call that still belongs in the trail (a wrong passcode guessed through set or clear) */
  refused?: (input: ParsedInput<C>, error: { code: string }) => AuditLine | null
}

/** A channel that only starts a job: the job writes the line when it finishes, from its result. */
export interface JobAuditSpec<R> {
  jobDone: (result: R) => AuditLine
}

export type AuditSpecs = { [C in Channel]: 'reads' | AuditSpec<C> | JobAuditSpec<never> }

const line = (action: AuditAction, detail: string): AuditLine => ({ action, detail })

const importLine = (r: ImportResult) =>
  line('import', `batch ${r.batchId}: ${r.rowsImported} rows imported, ${r.rowsRejected} rejected, ${r.customersCreated} new customers`)

const importJob: JobAuditSpec<ImportResult> = { jobDone: importLine }

const backupJob: JobAuditSpec<{ name: string }> = { jobDone: (o) => line('backup', `manual backup ${o.name}`) }
const restoreJob: JobAuditSpec<{ name: string; safetyBackup: { name: string } }> = {
  jobDone: (o) => line('restore', `restored ${o.name}; previous state kept as ${o.safetyBackup.name}`)
}
const exportJob: JobAuditSpec<{ tables: number; rows: number }> = { jobDone: (o) => line('export', `full export: ${o.tables} tables, ${o.rows} rows`) }
const demoRemoveJob: JobAuditSpec<{ batchesUndone: number[] }> = {
  jobDone: (o) => line('undo-import', `demo shop removed: batches ${o.batchesUndone.join(', ')} undone`)
}
const importAllJob: JobAuditSpec<{ tables: number; rows: number }> = { jobDone: (o) => line('import-all', `full import: ${o.tables} tables, ${o.rows} rows`) }

/** Which settings changed: numbers and switches with their new value, text settings by name only. */
function changedKeys(patch: Record<string, unknown>): string {
  const keys = Object.entries(patch).map(([k, v]) => (typeof v === 'number' || typeof v === 'boolean' || v === null ? `${k}=${String(v)}` : k))
  return keys.join(', ') || 'nothing'
}

function target(t: Record<string, unknown>): string {
  const [[kind, value] = ['?', '?']] = Object.entries(t).filter(([, v]) => v !== undefined)
  return Array.isArray(value) ? `${value.length} chosen customers` : `${kind} ${String(value)}`
}

// FORBIDDEN: the current passcode was wrong, or not checked during a wait after wrong ones
const wrongPasscode = (_input: unknown, e: { code: string }) => (e.code === 'FORBIDDEN' ? line('unlock-failed', 'current passcode refused') : null)

function printLine(i: ParsedInput<'printing.render'>, o: { cards: number; pages: number; codesIssued: number; wholePhones: boolean }, how: string): AuditLine {
  const phones = o.wholePhones ? 'whole phone numbers' : 'masked phone numbers'
  return line(
    'print',
    `${how}: template ${i.templateId} for ${target(i.target)}: ${o.cards} cards on ${o.pages} pages, ${o.codesIssued} codes issued, ${phones}`
  )
}

const printed = (o: { printed: boolean }) => (o.printed ? 'printed' : 'print cancelled')
const pdfSaved = (o: { path: string | null }) => (o.path ? 'saved as PDF' : 'PDF not saved')
type Sent<C extends 'printing.print' | 'printing.savePdf' | 'printing.render'> = { input: ParsedInput<C>; output: ChannelOutput<C> }
const printJob: JobAuditSpec<Sent<'printing.print'>> = { jobDone: ({ input, output }) => printLine(input, output, printed(output)) }
const savePdfJob: JobAuditSpec<Sent<'printing.savePdf'>> = { jobDone: ({ input, output }) => printLine(input, output, pdfSaved(output)) }
const renderJob: JobAuditSpec<Sent<'printing.render'>> = { jobDone: ({ input, output }) => printLine(input, output, 'printable page') }

export const auditSpecs: AuditSpecs = {
  'app.info': 'reads',

  'backups.list': 'reads',
  'backups.create': { line: (_i, o) => line('backup', `manual backup ${o.name}`) },
  'backups.restore': { line: (i, o) => line('restore', `restored ${i.name}; previous state kept as ${o.safetyBackup.name}`) },
  'backups.exportAll': { line: (_i, o) => line('export', `full export: ${o.tables} tables, ${o.rows} rows`) },
  'backups.importAll': { line: (_i, o) => line('import-all', `full import: ${o.tables} tables, ${o.rows} rows`) },
  // the jobs write the same lines as the calls, once they have finished (nothing when cancelled)
  'backups.createStart': backupJob,
  'backups.restoreStart': restoreJob,
  'backups.exportAllStart': exportJob,
  'backups.importAllStart': importAllJob,
  'audit.list': 'reads',

  'gifts.list': 'reads',
  'gifts.save': { line: (_i, o) => line('gift', `gift ${o.sku} saved: ${o.unitCostFen} fen, stock ${o.stock ?? 'not counted'}`) },
  'gifts.remove': { line: (i, o) => (o.removed ? line('gift', `gift ${i.sku} removed`) : null) },
  'campaigns.targets': 'reads',
  'campaigns.plan': {
    // a dry run saves nothing
    line: (_i, o) =>
      o.campaignId === null
        ? null
        : line('campaign', `planned campaign ${o.campaignId}: ${o.treated.length} treated, ${o.control.length} control, ${o.costFen} fen`)
  },
  'campaigns.list': 'reads',
  'campaigns.get': 'reads',
  'campaigns.remove': { line: (i) => line('campaign', `deleted campaign ${i.id}`) },
  'campaigns.pickList': 'reads',
  'campaigns.courierExport': {
    line: (i, o) => line('export', `courier file for campaign ${i.id}: ${o.rows} rows, ${i.encoding}, whole phone numbers 完整手机号 (the courier calls them)`)
  },
  'campaigns.markMailed': { line: (i, o) => line('campaign', `campaign ${i.id} mailed on ${i.date}: ${o.logged} gifts`) },
  'campaigns.results': 'reads',

  'customers.list': 'reads',
  'customers.facets': 'reads',
  'customers.findByRef': 'reads',
  'customers.listViews': 'reads',
  'customers.saveView': { line: (_i, o) => line('view', `saved view ${o.id}`) },
  'customers.deleteView': { line: (i, o) => (o.deleted ? line('view', `deleted view ${i.id}`) : null) },
  'customers.get': 'reads',
  'customers.addContact': { line: (i, o) => line('contact', `customer ${i.id}: ${o.kind}${o.outcome ? ` (${o.outcome})` : ''} logged as contact ${o.id}`) },
  'customers.update': { line: (i) => line('customer-edit', `customer ${i.id}: ${Object.keys(i.patch).join(', ') || 'nothing'} edited`) },
  'customers.undoLastChange': { line: (i) => line('customer-edit', `customer ${i.id}: last change undone`) },
  'customers.duplicates': 'reads',
  'customers.merge': { line: (_i, o) => line('merge', `merge ${o.id}: customer ${o.mergedId} into ${o.keptId}, ${o.ordersMoved} orders moved`) },
  'customers.undoMerge': { line: (_i, o) => line('undo-merge', `merge ${o.id} undone: customer ${o.mergedId} separated from ${o.keptId}`) },
  'customers.erase': { line: (_i, o) => line('erase', JSON.stringify({ customerId: o.id, orders: o.orders })) },
  'customers.export': {
    line: (i, o) =>
      line('export', `customer list: ${o.rows} rows, ${i.format}, ${o.wholePhones ? 'whole phone numbers 完整手机号' : 'phones masked 手机号已打码'}`)
  },

  'demo.load': { line: (_i, o) => line('import', `demo shop loaded as batches ${o.batches.join(', ')}: ${o.customers} customers, ${o.lines} lines`) },
  'demo.remove': { line: (_i, o) => line('undo-import', `demo shop removed: batches ${o.batchesUndone.join(', ')} undone`) },
  'demo.removeStart': demoRemoveJob,
  'demo.status': 'reads',
  // the sample files' bytes only: the renderer saves them where staff choose, the shop is not touched
  'demo.files': 'reads',

  'imports.preview': 'reads',
  'imports.start': importJob,
  'imports.progress': 'reads',
  'imports.cancel': { line: (i, o) => (o.cancelled ? line('import-cancel', `import job ${i.jobId} cancelled; nothing written`) : null) },
  'imports.commit': { line: (_i, o) => importLine(o) },
  'imports.batches': 'reads',
  'imports.undo': { line: (i) => line('undo-import', `batch ${i.batchId} undone`) },
  'imports.rejected': 'reads',

  'lock.status': 'reads',
  // changing needs the current passcode, a first passcode does not
  'lock.set': { line: (i) => line('passcode-set', i.current === undefined ? 'app passcode set' : 'app passcode changed'), refused: wrongPasscode },
  'lock.clear': { line: () => line('passcode-clear', 'app passcode removed'), refused: wrongPasscode },
  'lock.unlock': {
    line: (_i, o) => {
      if (!o.locked) return line('unlock', 'app unlocked')
      if (o.wrong) return line('unlock-failed', o.retryAfterSeconds > 0 ? `wrong passcode; next try in ${o.retryAfterSeconds} s` : 'wrong passcode')
      return line('unlock-failed', `passcode not checked: too many wrong ones, wait ${o.retryAfterSeconds} s`)
    }
  },
  'lock.lock': { line: () => line('lock', 'app locked') },
  'lock.setIdle': { line: (i) => line('lock', `locks after ${i.minutes} idle minutes${i.minutes === 0 ? ' (never)' : ''}`) },

  'predictions.fit': 'reads',
  // a fit job reads the purchases and writes nothing
  'predictions.fitStart': 'reads',
  'predictions.customer': 'reads',
  'predictions.top': 'reads',
  'predictions.topStart': 'reads',

  'jobs.progress': 'reads',
  // the jobs behind it (fits) only read: stopping one changes nothing the shop would ask about later
  'jobs.cancel': 'reads',

  'printing.templates': 'reads',
  'printing.template': 'reads',
  'printing.saveTemplate': { line: (i, o) => line('template', `template ${o.id} ${i.id === undefined ? 'created' : 'saved'}`) },
  'printing.duplicateTemplate': { line: (i, o) => line('template', `template ${i.id} copied as ${o.id}`) },
  'printing.deleteTemplate': { line: (i, o) => (o.deleted ? line('template', `template ${i.id} deleted`) : null) },
  'printing.targets': 'reads',
  'printing.preview': 'reads',
  // a rendered job is what goes to paper (its codes are issued): audited like a print
  'printing.render': { line: (i, o) => printLine(i, o, 'printable page') },
  'printing.print': { line: (i, o) => printLine(i, o, printed(o)) },
  'printing.savePdf': { line: (i, o) => printLine(i, o, pdfSaved(o)) },
  // the jobs write the same lines as the calls, once the sink has answered (nothing when cancelled before the codes were stored)
  'printing.printStart': printJob,
  'printing.savePdfStart': savePdfJob,
  'printing.renderStart': renderJob,
  'printing.capabilities': 'reads',
  'printing.calibrations': 'reads',
  'printing.saveCalibration': { line: (i) => line('calibration', `printer calibration saved (${i.printer.length} character printer name)`) },
  'printing.redeem': {
    line: (_i, o) =>
      line('redeem', `code of campaign ${o.campaignId ?? '-'} redeemed by customer ${o.customerId ?? '-'}${o.alreadyRedeemed ? ' (already)' : ''}`)
  },

  'reminders.calls': 'reads',
  'reminders.record': {
    line: (i, o) =>
      i.outcome === 'opted_out'
        ? line('consent-withdrawn', `customer ${i.customerId}: ${o.revoked.join(', ') || 'none'} (call list)`)
        : line('call', `customer ${i.customerId}: ${i.outcome} (call ${o.id})`)
  },
  'reminders.undoOptOut': {
    line: (_i, o) => line('consent-restored', `customer ${o.customerId}: ${o.restored.join(', ') || 'none'} (undo of call list opt-out)`)
  },
  'reminders.undoOutcome': { line: (i, o) => line('call', `customer ${o.customerId}: ${o.outcome} undone (call ${i.contactId})`) },
  'reminders.units': 'reads',
  'reminders.setProductDays': { line: (i) => line('care-settings', `product ${i.productId}: ${i.daysPerUnit ?? 'no'} days per unit`) },
  'reminders.setCategoryDays': { line: (i) => line('care-settings', `category ${i.category}: ${i.daysPerUnit ?? 'no'} days per unit`) },
  'reminders.adoptLearned': {
    line: (i, o) =>
      line(
        'care-settings',
        `${'productId' in i ? `product ${i.productId}` : `category ${i.category}`}: ${o.previous ?? 'no'} → ${o.daysPerUnit} days per unit, as the shop's repeat buyers`
      )
  },
  'reminders.settings': 'reads',
  'reminders.updateSettings': { line: (i) => line('care-settings', changedKeys(i)) },

  'segments.overview': 'reads',
  // a recompute job builds the connection's temp snapshot and writes nothing to the shop
  'segments.overviewStart': 'reads',
  'segments.list': 'reads',
  'segments.create': { line: (_i, o) => line('segment', `segment ${o.id} created`) },
  'segments.update': {
    line: (i) => line('segment', `segment ${i.id}: ${[i.name && 'name', i.rule && 'rule'].filter(Boolean).join(', ') || 'nothing'} changed`)
  },
  'segments.delete': { line: (i, o) => (o.deleted ? line('segment', `segment ${i.id} deleted`) : null) },
  'segments.count': 'reads',
  'segments.members': 'reads',
  'segments.rfmGrid': 'reads',
  'segments.repeatRate': 'reads',
  'segments.cohorts': 'reads',
  'segments.migration': 'reads',
  'segments.regions': 'reads',
  'segments.recall': 'reads',
  'segments.recallExport': { line: (i) => line('export', `recall ${i.kind} for one product, ${i.from} to ${i.to}`) },

  'settings.get': 'reads',
  'settings.update': { line: (i) => line('settings', changedKeys(i)) },

  'stats.summary': 'reads',
  'stats.overview': 'reads'
}

/** The channels that leave an audit line, in the contract's order. */
export function auditedChannels(): Channel[] {
  return (Object.keys(auditSpecs) as Channel[]).filter((c) => auditSpecs[c] !== 'reads')
}
