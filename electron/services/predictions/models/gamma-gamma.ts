/**
 * Gamma-Gamma spend model (Fader, Hardie & Lee 2005, "RFM and CLV"; Colombo & Jiang 1999):
 * each purchase's value is Gamma(p, ν) around a customer's mean, ν ~ Gamma(q, γ). Fitted on
 * repeat buyers' x and mean repeat value z̄; terms that depend on x alone are computed once
 * per distinct x.
 */
import { digamma, lgamma } from './special'
import { bfgs, minimise } from './optimise'
import { refuse } from '../../../../shared/errors/refuse'
import { assertSettled, interior, RUNAWAY_LOG, type FitReport } from './fit-report'

/** Thrown inside the fallback optimiser when it heads for the no-heterogeneity limit, to stop it there. */
class RanAway extends Error {}

export interface GammaGammaParams {
  p: number
  q: number
  gamma: number
}

/** Repeat buyers only: purchase count x ≥ 1 and mean value z̄ > 0 (any money unit). */
export interface SpendData {
  x: Float64Array
  zbar: Float64Array
}

interface Prepared {
  xs: number[]
  /** per distinct x: number of customers, Σ ln z̄ */
  count: number[]
  sumLogZ: number[]
  /** Σ x ln z̄ and Σ x ln x over everyone */
  sumXLogZ: number
  sumXLogX: number
  xIndex: Int32Array
  d: SpendData
}

function prepare(d: SpendData): Prepared {
  const pos = new Map<number, number>()
  const xs: number[] = []
  const count: number[] = []
  const sumLogZ: number[] = []
  const xIndex = new Int32Array(d.x.length)
  let sumXLogZ = 0
  let sumXLogX = 0
  for (let i = 0; i < d.x.length; i++) {
    const x = d.x[i]
    let k = pos.get(x)
    if (k === undefined) {
      k = xs.length
      pos.set(x, k)
      xs.push(x)
      count.push(0)
      sumLogZ.push(0)
    }
    xIndex[i] = k
    const lz = Math.log(d.zbar[i])
    count[k]++
    sumLogZ[k] += lz
    sumXLogZ += x * lz
    sumXLogX += x * Math.log(x)
  }
  return { xs, count, sumLogZ, sumXLogZ, sumXLogX, xIndex, d }
}

function logLikPrepared(prm: GammaGammaParams, pr: Prepared): number {
  const { p, q, gamma } = prm
  const lq = lgamma(q)
  const lnG = Math.log(gamma)
  let sum = p * pr.sumXLogZ + p * pr.sumXLogX
  for (let k = 0; k < pr.xs.length; k++) {
    const px = p * pr.xs[k]
    sum += pr.count[k] * (lgamma(px + q) - lgamma(px) - lq + q * lnG) - pr.sumLogZ[k]
  }
  const { x, zbar } = pr.d
  for (let i = 0; i < x.length; i++) sum -= (p * x[i] + q) * Math.log(gamma + x[i] * zbar[i])
  return sum
}

/** Log-likelihood of the repeat buyers' mean values under the parameters. */
export function gammaGammaLogLik(prm: GammaGammaParams, d: SpendData): number {
  return logLikPrepared(prm, prepare(d))
}

const fromLog = (v: number[]): GammaGammaParams => ({ p: Math.exp(v[0]), q: Math.exp(v[1]), gamma: Math.exp(v[2]) })

/** −LL and its gradient in log-parameters, for BFGS. */
function negLogLikAndGradient(v: number[], pr: Prepared): { f: number; g: number[] } {
  const { p, q, gamma } = fromLog(v)
  const lq = lgamma(q)
  const pq = digamma(q)
  const lnG = Math.log(gamma)
  let sum = p * pr.sumXLogZ + p * pr.sumXLogX
  let dp = pr.sumXLogZ + pr.sumXLogX
  let dq = 0
  let dg = 0
  for (let k = 0; k < pr.xs.length; k++) {
    const x = pr.xs[k]
    const c = pr.count[k]
    const px = p * x
    sum += c * (lgamma(px + q) - lgamma(px) - lq + q * lnG) - pr.sumLogZ[k]
    const psiAll = digamma(px + q)
    dp += c * x * (psiAll - digamma(px))
    dq += c * (psiAll - pq + lnG)
    dg += (c * q) / gamma
  }
  const { x, zbar } = pr.d
  for (let i = 0; i < x.length; i++) {
    const base = gamma + x[i] * zbar[i]
    const l = Math.log(base)
    const m = p * x[i] + q
    sum -= m * l
    dp -= x[i] * l
    dq -= l
    dg -= m / base
  }
  return { f: -sum, g: [-dp * p, -dq * q, -dg * gamma] }
}

/** Maximum-likelihood fit on repeat buyers; throws a DomainError when the data is too thin. */
export function fitGammaGamma(d: SpendData): FitReport<GammaGammaParams> {
  if (d.x.length < 2) {
    throw refuse('tooFewRepeatBuyersForSpend', { buyers: d.x.length })
  }
  let mean = 0
  for (let i = 0; i < d.x.length; i++) {
    if (!(d.x[i] >= 1) || !(d.zbar[i] > 0)) {
      throw refuse('spendDataInvalid', { x: d.x[i], zbar: d.zbar[i] })
    }
    mean += d.zbar[i] / d.x.length
  }
  const pr = prepare(d)
  // p·γ/(q−1) is the population mean value: start there at two shapes
  const starts = [
    [Math.log(2), Math.log(3), Math.log(mean)],
    [Math.log(6), Math.log(4), Math.log(mean / 2)]
  ]
  // stopped once past the runaway mark: such a run is refused below anyway, and it went on to
  // crawl there for the rest of its iterations (7 s over 164,000 buyers at uniform prices)
  let run = bfgs((v) => negLogLikAndGradient(v, pr), starts[0], {
    gtol: 1e-7 * Math.max(1, d.x.length),
    stop: (x) => x.some((v) => Math.abs(v) > RUNAWAY_LOG + 1)
  })
  // BFGS that ran past the runaway mark has found the no-heterogeneity limit (every customer
  // spending alike): refused below, as the CNBD-k fits do, without a Nelder–Mead crawl after it
  // (seconds over 164,000 buyers). Nelder–Mead only rescues a run that stopped short inside.
  if (!run.converged && interior(run)) {
    // Nelder–Mead as the fallback, stopped as soon as it heads past the runaway mark (q, γ → ∞:
    // every customer spends alike, as at a fixed-price shop) instead of crawling on for thousands
    // of evaluations over every buyer (seconds at 100,000 buyers); the refusal is then the same
    let away: number[] | null = null
    const guarded = (v: number[]) => {
      if (v.some((x) => Math.abs(x) > RUNAWAY_LOG + 1)) {
        away = v
        throw new RanAway()
      }
      return -logLikPrepared(fromLog(v), pr)
    }
    try {
      const slow = minimise(guarded, starts, {}, interior)
      run = { ...slow, evaluations: slow.evaluations + run.evaluations }
    } catch (e) {
      if (!(e instanceof RanAway) || !away) throw e
      run = { x: away, f: -logLikPrepared(fromLog(away), pr), evaluations: run.evaluations, converged: false }
    }
  }
  assertSettled('Gamma-Gamma', run)
  return { params: fromLog(run.x), logLik: -run.f, evaluations: run.evaluations, regularised: false }
}

/** E[Z | p, q, γ, z̄, x]: a customer's expected value per purchase; the population mean for x = 0. */
export function gammaGammaExpectedValue(prm: GammaGammaParams, x: number, zbar: number): number {
  const { p, q, gamma } = prm
  if (q <= 1) throw refuse('meanSpendUndefined', { q: q.toFixed(3) })
  if (x <= 0) return (p * gamma) / (q - 1)
  return (p * (gamma + x * zbar)) / (p * x + q - 1)
}
