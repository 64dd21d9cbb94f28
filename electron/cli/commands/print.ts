import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Command } from '../command'
import type { PrintTarget } from '../../../shared/schemas/printing'
import { intFlag, stringFlag } from './flags'
import { refuse } from '../../../shared/errors/refuse'

function numberFlag(args: Parameters<Command['run']>[0], name: string): number | undefined {
  const raw = stringFlag(args, name)
  if (raw === undefined) return undefined
  const n = Number(raw)
  if (!Number.isFinite(n)) throw refuse('cliFlagNeedsNumber', { flag: name, value: raw })
  return n
}

export const printCommand: Command = {
  name: 'print',
  usage: [
    'print templates --db PATH [--json]',
    'print --db PATH --template ID (--segment NAME | --campaign ID | --batch ID | --stage STAGE | --customers 1,2,3) --out FILE.html',
    '        [--start-at N] [--printer NAME | --offset-x MM --offset-y MM --scale-x S --scale-y S] [--limit N] [--full-phones | --masked-phones] [--preview] [--json]',
    'print redeem --db PATH --code CODE [--json]'
  ].join('\n  '),
  summary: '售后卡与标签 / list templates, write the printable HTML for a target (codes are issued unless --preview), redeem a code',
  options: {
    template: { type: 'string' },
    segment: { type: 'string' },
    campaign: { type: 'string' },
    batch: { type: 'string' },
    stage: { type: 'string' },
    customers: { type: 'string' },
    out: { type: 'string' },
    'start-at': { type: 'string' },
    printer: { type: 'string' },
    'offset-x': { type: 'string' },
    'offset-y': { type: 'string' },
    'scale-x': { type: 'string' },
    'scale-y': { type: 'string' },
    limit: { type: 'string' },
    preview: { type: 'boolean' },
    'full-phones': { type: 'boolean' },
    'masked-phones': { type: 'boolean' },
    code: { type: 'string' }
  },
  async run(args, env) {
    const sub = args.command[0]
    if (sub === 'templates') {
      const list = await env.call('printing.templates', {})
      const data = list.map(({ id, name, kind, sheet }) => ({ id, name, kind, sheet }))
      return { data, human: () => data.map((t) => `${String(t.id).padStart(3)}  ${t.kind.padEnd(8)} ${t.sheet.padEnd(18)} ${t.name}`).join('\n') }
    }
    if (sub === 'redeem') {
      const code = stringFlag(args, 'code')
      if (!code) throw refuse('cliNeeds', { command: 'print redeem', what: '--code CODE' })
      const r = await env.call('printing.redeem', { code, at: env.ctx.today() })
      return { data: r, human: () => `${r.code}: ${r.customerName ?? '—'} ${r.alreadyRedeemed ? `已于 ${r.redeemedAt} 核销过` : `核销成功 ${r.redeemedAt}`}` }
    }
    if (sub !== undefined) throw refuse('cliUnknownSubcommand', { sub, choices: 'templates, redeem' })
    const templateId = intFlag(args, 'template')
    if (templateId === undefined) throw refuse('cliNeeds', { command: 'print', what: '--template ID' })
    const out = stringFlag(args, 'out')
    if (!out) throw refuse('cliNeeds', { command: 'print', what: '--out FILE.html' })
    const target: Record<string, unknown> = {}
    const segment = stringFlag(args, 'segment')
    if (segment !== undefined) target.segment = /^\d+$/.test(segment) ? Number(segment) : segment
    if (args.flags.campaign !== undefined) target.campaign = intFlag(args, 'campaign')
    if (args.flags.batch !== undefined) target.batch = intFlag(args, 'batch')
    if (args.flags.stage !== undefined) target.stage = stringFlag(args, 'stage')
    const customers = stringFlag(args, 'customers')
    if (customers !== undefined) target.customerIds = customers.split(',').filter(Boolean).map(Number)
    const offsets = ['offset-x', 'offset-y', 'scale-x', 'scale-y'].map((f) => numberFlag(args, f))
    const calibration = offsets.some((v) => v !== undefined)
      ? { offsetX: offsets[0] ?? 0, offsetY: offsets[1] ?? 0, scaleX: offsets[2] ?? 1, scaleY: offsets[3] ?? 1 }
      : undefined
    const input = {
      templateId,
      target: target as PrintTarget,
      startAt: intFlag(args, 'start-at') ?? 1,
      calibration,
      printer: stringFlag(args, 'printer'),
      limit: intFlag(args, 'limit'),
      // labels carry whole numbers and cards masked ones unless told (as customers export --full-phones)
      fullPhones: args.flags['full-phones'] === true ? true : args.flags['masked-phones'] === true ? false : undefined,
      asOf: env.ctx.today()
    }
    const preview = args.flags.preview === true
    const r = preview ? { ...(await env.call('printing.preview', input)), codesIssued: 0 } : await env.call('printing.render', input)
    const path = resolve(out)
    writeFileSync(path, r.html)
    const data = {
      out: path,
      pages: r.pages,
      cards: r.cards,
      codesIssued: r.codesIssued,
      wholePhones: r.wholePhones,
      sheet: r.sheet.id,
      warnings: r.warnings,
      cardList: r.cardList
    }
    return {
      data,
      human: () =>
        [
          `已写入 ${path}: ${r.cards} 张卡, ${r.pages} 页, 发放券码 ${r.codesIssued} 个, ${r.wholePhones ? '含完整手机号' : '手机号已打码'}`,
          ...r.warnings.map((w) => `  ! ${w.message} ×${w.count}${w.examples.length ? `（如 ${w.examples.slice(0, 3).join('、')}）` : ''}`)
        ].join('\n')
    }
  }
}
