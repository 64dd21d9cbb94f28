import { z } from 'zod'
import { IsoDate } from './common'

/** The time unit of t_x, T and horizons: days or weeks. */
export const TimeUnit = z.enum(['day', 'week'])
export type TimeUnit = z.infer<typeof TimeUnit>

/** Plain-words text in both languages (zh-CN first). */
export const Words = z.object({ zh: z.string(), en: z.string() })
export type Words = z.infer<typeof Words>

/** The purchase-count models a shop's backtest chooses between. */
export const CountModelName = z.enum(['bgnbd', 'paretoNbd', 'mbgnbd', 'bgcnbd', 'mbgcnbd'])
export type CountModelName = z.infer<typeof CountModelName>

export const FitInput = z
  .object({
    /** fit on purchases up to and including this day; default: 26 weeks before today */
    calibrationEnd: IsoDate.optional(),
    /** backtest: forecast from the calibration end to this day and compare with what happened */
    holdoutEnd: IsoDate.optional(),
    unit: TimeUnit.default('week'),
    /** Pareto/NBD is slower than BG/NBD; the UI may skip it */
    paretoNbd: z.boolean().default(true),
    /** use this model instead of the backtest's choice; default: the shop's setting ('auto' = choose) */
    model: z.union([CountModelName, z.literal('auto')]).optional()
  })
  .strict()

export const BgNbdFit = z.object({ r: z.number(), alpha: z.number(), a: z.number(), b: z.number(), logLik: z.number(), regularised: z.boolean() })
export const ParetoNbdFit = z.object({ r: z.number(), alpha: z.number(), s: z.number(), beta: z.number(), logLik: z.number(), regularised: z.boolean() })
export const MbgNbdFit = BgNbdFit
/** BG/CNBD-k and MBG/CNBD-k: k = 1 is Poisson timing, larger k a steadier rhythm */
export const CnbdFit = z.object({
  k: z.number().int(),
  r: z.number(),
  alpha: z.number(),
  a: z.number(),
  b: z.number(),
  logLik: z.number(),
  regularised: z.boolean()
})
/** gamma is in yuan (the unit amounts are written in), p and q have no unit */
export const GammaGammaFit = z.object({ p: z.number(), q: z.number(), gamma: z.number() })

/** Which spend estimate the values use: Gamma-Gamma, or a stated fallback when it cannot be fitted */
export const SpendFit = z.object({
  model: z.enum(['gamma-gamma', 'shrunk-mean', 'shop-mean']),
  fallback: z.boolean(),
  /** why the fallback was used; null for Gamma-Gamma */
  reason: Words.nullable()
})

/**
 * One week of the holdout. The last one is shorter when the holdout ends mid-week: `days` says
 * how many days it covers and `partial` marks it, so a chart does not draw it as a whole week.
 */
export const BacktestPeriod = z.object({
  from: z.string(),
  to: z.string(),
  days: z.number().int().min(1).max(7),
  partial: z.boolean(),
  forecast: z.number(),
  actual: z.number().int()
})
export const Backtest = z.object({
  forecastRepeat: z.number(),
  actualRepeat: z.number().int(),
  /** mean over customers of |forecast − actual| repeat purchases in the holdout */
  mae: z.number(),
  periods: z.array(BacktestPeriod)
})
export type Backtest = z.infer<typeof Backtest>

export const ClvFit = z.object({
  /** 'model' when the data is rich enough, otherwise 'rules' (plain rules, see message) */
  mode: z.enum(['model', 'rules']),
  message: Words,
  calibrationEnd: z.string(),
  holdoutEnd: z.string().nullable(),
  unit: TimeUnit,
  customers: z.number().int(),
  repeatBuyers: z.number().int(),
  minRepeatBuyers: z.number().int(),
  bgnbd: BgNbdFit.nullable(),
  paretoNbd: ParetoNbdFit.nullable(),
  gammaGamma: GammaGammaFit.nullable(),
  /** why Pareto/NBD has no answer when it failed alone (the other models still answer) */
  paretoNbdError: Words.nullable(),
  spend: SpendFit.nullable(),
  /** BG/NBD's backtest (kept as it was); every model's is in `backtests` */
  backtest: Backtest.nullable(),
  mbgnbd: MbgNbdFit.nullable(),
  bgcnbd: CnbdFit.nullable(),
  mbgcnbd: CnbdFit.nullable(),
  /** the shop's rhythm in words, from BG/CNBD-k's k and the mean gap */
  regularity: Words.nullable(),
  /** the count model the answers use: the pinned one, else the backtest's best (else the best penalised likelihood) */
  chosen: CountModelName.nullable(),
  /** why that model, in one sentence */
  choice: Words.nullable(),
  backtests: z.partialRecord(CountModelName, Backtest),
  /** why a model has no answer (each fails alone) */
  modelErrors: z.partialRecord(CountModelName, Words)
})
export type ClvFit = z.infer<typeof ClvFit>

export const CustomerScoreInput = z
  .object({
    /** any identity of the customer (card, phone, buyer id, external id) */
    ref: z.string().min(1).max(100).optional(),
    customerId: z.number().int().positive().optional(),
    /** score as of this day (the calibration end); default today */
    asOf: IsoDate.optional(),
    /** horizon in `unit`s */
    horizon: z.number().positive().max(5000).default(52),
    unit: TimeUnit.default('week')
  })
  .strict()
  .refine((v) => v.ref !== undefined || v.customerId !== undefined, { message: '需要顾客编号或 ref (a customer id or ref is required)' })

/** One customer's rule-based figures: always available, whatever the data size. */
export const RuleScore = z.object({
  purchaseDays: z.number().int(),
  daysSinceLast: z.number().int(),
  /** mean days between purchase days; null for one-time buyers */
  usualGapDays: z.number().nullable(),
  /** days since last ÷ usual gap; null for one-time buyers */
  gapRatio: z.number().nullable()
})

export const CustomerScore = z.object({
  customerId: z.number().int(),
  name: z.string().nullable(),
  mode: z.enum(['model', 'rules']),
  x: z.number().int(),
  tx: z.number(),
  T: z.number(),
  expectedPurchases: z.number().nullable(),
  pAlive: z.number().nullable(),
  expectedValueFen: z.number().int().nullable(),
  rules: RuleScore,
  explanation: Words
})
export type CustomerScore = z.infer<typeof CustomerScore>

/** The customers worth most as of a date, by expected value over a horizon in days. */
export const TopInput = z
  .object({
    /** score as of this day (purchases up to and including it); default today */
    asOf: IsoDate.optional(),
    /** the horizon in days the value is summed over (the page offers 30, 90 and 365) */
    horizonDays: z.number().int().min(1).max(3650).default(90),
    limit: z.number().int().min(1).max(1000).default(100),
    /** use this model instead of the shop's backtest choice; default: the shop's setting ('auto' = choose) */
    model: z.union([CountModelName, z.literal('auto')]).optional()
  })
  .strict()

/** When the next purchase is expected: a date, with an 80% interval where the model has one. */
export const NextPurchase = z.object({ date: IsoDate, from: IsoDate.nullable(), to: IsoDate.nullable() })

export const TopCustomer = z.object({
  customerId: z.number().int(),
  /** how the shop knows them: card, else phone, else buyer id, else external id */
  ref: z.string(),
  name: z.string().nullable(),
  /** the count model behind the figures ('bgnbd'), or 'rules' when the data is too thin */
  model: z.string(),
  expectedPurchases: z.number().nullable(),
  expectedValueFen: z.number().int().nullable(),
  pAlive: z.number().nullable(),
  nextPurchase: NextPurchase.nullable(),
  lastPurchase: IsoDate,
  purchaseDays: z.number().int(),
  /** everything they spent up to the as-of date, in fen */
  spentFen: z.number().int(),
  explanation: Words
})
export type TopCustomer = z.infer<typeof TopCustomer>

export const TopList = z.object({
  asOf: IsoDate,
  horizonDays: z.number().int(),
  mode: z.enum(['model', 'rules']),
  model: z.string(),
  message: Words,
  /** why that model scores (the backtest of the 26 weeks before the as-of date, or the pin), in one sentence; null in rules mode */
  choice: Words.nullable(),
  spend: SpendFit.nullable(),
  /** customers with a purchase by the as-of date (everyone ranked) */
  customers: z.number().int(),
  rows: z.array(TopCustomer)
})
export type TopList = z.infer<typeof TopList>

export const predictionsChannels = {
  /** Fit every count model and the spend model as of a date, with each model's backtest when a holdout end is given. */
  'predictions.fit': { input: FitInput, output: ClvFit },
  /** The same fit as a job (jobs.progress, jobs.cancel): off the server's request loop, each model's answer as it comes. */
  'predictions.fitStart': { input: FitInput, output: z.object({ jobId: z.string() }) },
  /** One customer's expected purchases, P(alive) and expected value, explained in words. */
  'predictions.customer': { input: CustomerScoreInput, output: CustomerScore },
  /** The customers worth most as of a date: the chosen (or pinned) model fitted on everything up to it, ranked by expected value over the horizon. */
  'predictions.top': { input: TopInput, output: TopList },
  /** The same list as a job (jobs.progress, jobs.cancel): off the server's request loop, its phase in words. */
  'predictions.topStart': { input: TopInput, output: z.object({ jobId: z.string() }) }
}
