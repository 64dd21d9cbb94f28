import type { CliEnv, Command } from '../command'
import type { ParsedArgs } from '../args'
import { formatFen } from '../../../shared/domain/money'
import { intFlag, stringFlag } from './flags'
import { CountModelName } from '../../../shared/schemas/predictions'
import { refuse } from '../../../shared/errors/refuse'

/** --model: auto or one of the count models; undefined when not given (the shop's setting decides). */
function modelFlag(args: ParsedArgs): CountModelName | 'auto' | undefined {
  const flag = stringFlag(args, 'model')
  const pinned = flag === undefined || flag === 'auto' ? flag : CountModelName.safeParse(flag).data
  if (flag !== undefined && pinned === undefined)
    throw refuse('cliFlagChoice', { flag: 'model', choices: ['auto', ...CountModelName.options].join(', '), value: flag })
  return pinned
}

/** `clv top`: the customers worth most as of --as-of (default today), over --horizon days. */
async function top(args: ParsedArgs, env: CliEnv) {
  const model = modelFlag(args)
  const list = await env.call('predictions.top', {
    asOf: env.ctx.today(),
    horizonDays: intFlag(args, 'horizon') ?? 90,
    limit: intFlag(args, 'limit') ?? 20,
    model
  })
  for (const w of [list.message, list.choice, list.spend?.reason].filter((v): v is NonNullable<typeof v> => !!v)) env.progress(w.zh)
  const data = list.rows.map((r) => ({
    ref: r.ref,
    name: r.name,
    expectedPurchases: r.expectedPurchases,
    expectedValueFen: r.expectedValueFen,
    pAlive: r.pAlive,
    nextPurchase: r.nextPurchase,
    lastPurchase: r.lastPurchase,
    model: r.model
  }))
  const human = () =>
    list.rows
      .map(
        (r, i) =>
          `${String(i + 1).padStart(3)}. ${r.name ?? ''} (${r.ref})  ${r.expectedValueFen === null ? '' : formatFen(r.expectedValueFen) + '  '}${r.explanation.zh}`
      )
      .join('\n')
  return { data, human }
}

export const clvCommand: Command = {
  name: 'clv',
  usage: [
    'clv --db PATH --calibration-end DATE [--holdout-end DATE] [--unit day|week] [--model auto|bgnbd|paretoNbd|mbgnbd|bgcnbd|mbgcnbd] [--customer REF --horizon N] [--json]',
    '  clv top --db PATH [--as-of DATE] [--horizon DAYS] [--limit N] [--model auto|NAME] [--json]',
    '        → [{ref, name, expectedPurchases, expectedValueFen, pAlive, nextPurchase, lastPurchase, model}]'
  ].join('\n'),
  summary:
    '回购预测 / fit BG/NBD, Pareto/NBD, MBG/NBD, (M)BG/CNBD-k and Gamma-Gamma, backtest each and choose; score one customer; or the customers worth most as of today',
  options: {
    'calibration-end': { type: 'string' },
    'holdout-end': { type: 'string' },
    unit: { type: 'string' },
    model: { type: 'string' },
    customer: { type: 'string' },
    horizon: { type: 'string' },
    limit: { type: 'string' }
  },
  async run(args, env) {
    if (args.command[0] === 'top') return top(args, env)
    if (args.command[0] !== undefined) throw refuse('cliUnknownSubcommand', { sub: args.command[0], choices: 'top' })
    const calibrationEnd = stringFlag(args, 'calibration-end')
    if (!calibrationEnd) throw refuse('cliNeeds', { command: 'clv', what: '--calibration-end YYYY-MM-DD' })
    const unitFlag = stringFlag(args, 'unit') ?? 'week'
    if (unitFlag !== 'day' && unitFlag !== 'week') throw refuse('cliFlagChoice', { flag: 'unit', choices: 'day, week', value: unitFlag })
    const unit = unitFlag
    const ref = stringFlag(args, 'customer')
    if (ref !== undefined) {
      const horizon = intFlag(args, 'horizon') ?? (unit === 'week' ? 52 : 365)
      const s = await env.call('predictions.customer', { ref, asOf: calibrationEnd, horizon, unit })
      if (s.mode === 'rules') throw refuse('clvRulesOnly', { reason: env.locale === 'zh-CN' ? s.explanation.zh : s.explanation.en })
      const data = { x: s.x, tx: s.tx, T: s.T, expectedPurchases: s.expectedPurchases, pAlive: s.pAlive, expectedValueFen: s.expectedValueFen }
      return { data, human: () => `${s.name ?? ref}: ${s.explanation.zh}\n${s.explanation.en}` }
    }
    const pinned = modelFlag(args)
    const fit = await env.call('predictions.fit', { calibrationEnd, holdoutEnd: stringFlag(args, 'holdout-end'), unit, paretoNbd: true, model: pinned })
    // one count model is enough for an answer: every other model and the spend model each say their own failure
    if (fit.mode === 'rules' || !fit.chosen || !fit.spend) throw refuse('clvNoFit', { reason: env.locale === 'zh-CN' ? fit.message.zh : fit.message.en })
    const data = {
      bgnbd: fit.bgnbd,
      paretoNbd: fit.paretoNbd,
      gammaGamma: fit.gammaGamma,
      backtest: fit.backtest ? { forecastRepeat: fit.backtest.forecastRepeat, actualRepeat: fit.backtest.actualRepeat } : null,
      spend: fit.spend,
      paretoNbdError: fit.paretoNbdError,
      mbgnbd: fit.mbgnbd && { r: fit.mbgnbd.r, alpha: fit.mbgnbd.alpha, a: fit.mbgnbd.a, b: fit.mbgnbd.b, logLik: fit.mbgnbd.logLik },
      bgcnbd: fit.bgcnbd && { k: fit.bgcnbd.k, r: fit.bgcnbd.r, alpha: fit.bgcnbd.alpha, a: fit.bgcnbd.a, b: fit.bgcnbd.b, logLik: fit.bgcnbd.logLik },
      mbgcnbd: fit.mbgcnbd && { k: fit.mbgcnbd.k, r: fit.mbgcnbd.r, alpha: fit.mbgcnbd.alpha, a: fit.mbgcnbd.a, b: fit.mbgcnbd.b, logLik: fit.mbgcnbd.logLik },
      regularity: fit.regularity,
      chosen: fit.chosen,
      choice: fit.choice,
      backtests: Object.fromEntries(
        Object.entries(fit.backtests).map(([name, b]) => [name, { forecastRepeat: b.forecastRepeat, actualRepeat: b.actualRepeat, mae: b.mae }])
      ),
      modelErrors: fit.modelErrors
    }
    const f = (v: number) => v.toFixed(3)
    return {
      data,
      human: () =>
        [
          fit.message.zh,
          fit.bgnbd
            ? `BG/NBD      r=${f(fit.bgnbd.r)} α=${f(fit.bgnbd.alpha)} a=${f(fit.bgnbd.a)} b=${f(fit.bgnbd.b)}  LL=${fit.bgnbd.logLik.toFixed(1)}`
            : (fit.modelErrors.bgnbd?.zh ?? ''),
          fit.paretoNbd
            ? `Pareto/NBD  r=${f(fit.paretoNbd.r)} α=${f(fit.paretoNbd.alpha)} s=${f(fit.paretoNbd.s)} β=${f(fit.paretoNbd.beta)}  LL=${fit.paretoNbd.logLik.toFixed(1)}`
            : (fit.paretoNbdError?.zh ?? ''),
          fit.mbgnbd
            ? `MBG/NBD     r=${f(fit.mbgnbd.r)} α=${f(fit.mbgnbd.alpha)} a=${f(fit.mbgnbd.a)} b=${f(fit.mbgnbd.b)}  LL=${fit.mbgnbd.logLik.toFixed(1)}`
            : (fit.modelErrors.mbgnbd?.zh ?? ''),
          ...(
            [
              ['BG/CNBD-k ', fit.bgcnbd, 'bgcnbd'],
              ['MBG/CNBD-k', fit.mbgcnbd, 'mbgcnbd']
            ] as const
          ).map(([label, c, name]) =>
            c ? `${label}  k=${c.k} r=${f(c.r)} α=${f(c.alpha)} a=${f(c.a)} b=${f(c.b)}  LL=${c.logLik.toFixed(1)}` : (fit.modelErrors[name]?.zh ?? '')
          ),
          fit.regularity?.zh ?? '',
          fit.gammaGamma ? `Gamma-Gamma p=${f(fit.gammaGamma.p)} q=${f(fit.gammaGamma.q)} γ=${f(fit.gammaGamma.gamma)} 元` : (fit.spend?.reason?.zh ?? ''),
          fit.backtest ? `检验期 预测 ${fit.backtest.forecastRepeat.toFixed(1)} 次回购, 实际 ${fit.backtest.actualRepeat} 次` : '',
          fit.choice?.zh ?? ''
        ]
          .filter(Boolean)
          .join('\n')
    }
  }
}
