import type { CliEnv, Command } from '../command'
import type { ParsedArgs } from '../args'
import { formatFen } from '../../../shared/domain/money'
import { DomainError } from '../../../shared/result'
import { intFlag, stringFlag } from './flags'

/** `clv top`: the customers worth most as of --as-of (default today), over --horizon days. */
async function top(args: ParsedArgs, env: CliEnv) {
  const list = await env.call('predictions.top', { asOf: env.ctx.today(), horizonDays: intFlag(args, 'horizon') ?? 90, limit: intFlag(args, 'limit') ?? 20 })
  for (const w of [list.message, list.spend?.reason].filter((v): v is NonNullable<typeof v> => !!v)) env.progress(w.zh)
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
      .map((r, i) => `${String(i + 1).padStart(3)}. ${r.name ?? ''} (${r.ref})  ${r.expectedValueFen === null ? '' : formatFen(r.expectedValueFen) + '  '}${r.explanation.zh}`)
      .join('\n')
  return { data, human }
}

export const clvCommand: Command = {
  name: 'clv',
  usage: [
    'clv --db PATH --calibration-end DATE [--holdout-end DATE] [--unit day|week] [--customer REF --horizon N] [--json]',
    '  clv top --db PATH [--as-of DATE] [--horizon DAYS] [--limit N] [--json]',
    '        → [{ref, name, expectedPurchases, expectedValueFen, pAlive, nextPurchase, lastPurchase, model}]'
  ].join('\n'),
  summary: '回购预测 / fit BG/NBD, Pareto/NBD, Gamma-Gamma and backtest; score one customer; or the customers worth most as of today',
  options: {
    'calibration-end': { type: 'string' },
    'holdout-end': { type: 'string' },
    unit: { type: 'string' },
    customer: { type: 'string' },
    horizon: { type: 'string' },
    limit: { type: 'string' }
  },
  async run(args, env) {
    if (args.command[0] === 'top') return top(args, env)
    if (args.command[0] !== undefined) throw new DomainError('BAD_INPUT', `unknown clv subcommand: ${args.command[0]} — clv top …`)
    const calibrationEnd = stringFlag(args, 'calibration-end')
    if (!calibrationEnd) throw new DomainError('BAD_INPUT', '需要 --calibration-end YYYY-MM-DD (the calibration end is required)')
    const unitFlag = stringFlag(args, 'unit') ?? 'week'
    if (unitFlag !== 'day' && unitFlag !== 'week') throw new DomainError('BAD_INPUT', `--unit 只能是 day 或 week (got ${unitFlag})`)
    const unit = unitFlag
    const ref = stringFlag(args, 'customer')
    if (ref !== undefined) {
      const horizon = intFlag(args, 'horizon') ?? (unit === 'week' ? 52 : 365)
      const s = await env.call('predictions.customer', { ref, asOf: calibrationEnd, horizon, unit })
      if (s.mode === 'rules') throw new DomainError('BAD_INPUT', `${s.explanation.zh} (${s.explanation.en}); 回头客太少，模型不可用 (too few repeat buyers for the models)`)
      const data = { x: s.x, tx: s.tx, T: s.T, expectedPurchases: s.expectedPurchases, pAlive: s.pAlive, expectedValueFen: s.expectedValueFen }
      return { data, human: () => `${s.name ?? ref}: ${s.explanation.zh}\n${s.explanation.en}` }
    }
    const fit = await env.call('predictions.fit', { calibrationEnd, holdoutEnd: stringFlag(args, 'holdout-end'), unit, paretoNbd: true })
    // only the count model is needed for an answer: Pareto/NBD and the spend model each say their own failure
    if (fit.mode === 'rules' || !fit.bgnbd || !fit.spend) throw new DomainError('BAD_INPUT', `${fit.message.zh} (${fit.message.en})`)
    const data = {
      bgnbd: fit.bgnbd,
      paretoNbd: fit.paretoNbd,
      gammaGamma: fit.gammaGamma,
      backtest: fit.backtest ? { forecastRepeat: fit.backtest.forecastRepeat, actualRepeat: fit.backtest.actualRepeat } : null,
      spend: fit.spend,
      paretoNbdError: fit.paretoNbdError
    }
    const f = (v: number) => v.toFixed(3)
    return {
      data,
      human: () =>
        [
          fit.message.zh,
          `BG/NBD      r=${f(fit.bgnbd!.r)} α=${f(fit.bgnbd!.alpha)} a=${f(fit.bgnbd!.a)} b=${f(fit.bgnbd!.b)}  LL=${fit.bgnbd!.logLik.toFixed(1)}`,
          fit.paretoNbd
            ? `Pareto/NBD  r=${f(fit.paretoNbd.r)} α=${f(fit.paretoNbd.alpha)} s=${f(fit.paretoNbd.s)} β=${f(fit.paretoNbd.beta)}  LL=${fit.paretoNbd.logLik.toFixed(1)}`
            : (fit.paretoNbdError?.zh ?? ''),
          fit.gammaGamma
            ? `Gamma-Gamma p=${f(fit.gammaGamma.p)} q=${f(fit.gammaGamma.q)} γ=${f(fit.gammaGamma.gamma)} 元`
            : (fit.spend?.reason?.zh ?? ''),
          fit.backtest ? `检验期 预测 ${fit.backtest.forecastRepeat.toFixed(1)} 次回购, 实际 ${fit.backtest.actualRepeat} 次` : ''
        ]
          .filter(Boolean)
          .join('\n')
    }
  }
}
