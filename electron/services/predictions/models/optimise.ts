/**
 * Minimisation for the maximum-likelihood fits: Nelder–Mead on unconstrained (log)
 * parameters, restarted from its own best point until a restart no longer improves (the
 * classic remedy for a simplex that collapsed early), from several starting points.
 * Non-finite objective values count as +∞ so a numerically bad region is simply avoided.
 */

export interface OptimiseOptions {
  /** initial simplex edge in parameter units (log units for our fits) */
  step?: number
  /** stop when the simplex's function values differ by less than this (relative) */
  ftol?: number
  /** and its points lie within this distance of the best */
  xtol?: number
  /** budget of objective evaluations per run */
  maxEvaluations?: number
  /** parameters beyond ±bound are rejected (they mean a runaway fit) */
  bound?: number
}

export interface OptimiseResult {
  x: number[]
  f: number
  evaluations: number
  /** true when the last restart found no better point and the budget was not exhausted */
  converged: boolean
}

const defaults: Required<OptimiseOptions> = { step: 0.5, ftol: 1e-12, xtol: 1e-9, maxEvaluations: 4000, bound: 30 }

/** One Nelder–Mead run from x0; answers the best point found. */
export function nelderMead(f: (x: number[]) => number, x0: number[], options: OptimiseOptions = {}): OptimiseResult {
  const o = { ...defaults, ...options }
  const d = x0.length
  let evaluations = 0
  const fx = (x: number[]): number => {
    evaluations++
    if (x.some((v) => !(Math.abs(v) <= o.bound))) return Infinity
    const v = f(x)
    return Number.isFinite(v) ? v : Infinity
  }
  // adaptive coefficients (Gao & Han 2012) behave better than the classic ones as d grows
  const alpha = 1
  const beta = 1 + 2 / d
  const gamma = 0.75 - 1 / (2 * d)
  const delta = 1 - 1 / d
  const pts: number[][] = [x0.slice()]
  for (let i = 0; i < d; i++) {
    const p = x0.slice()
    p[i] += o.step
    pts.push(p)
  }
  let vals = pts.map(fx)
  let converged = false
  while (evaluations < o.maxEvaluations) {
    const order = vals.map((_, i) => i).sort((i, j) => vals[i] - vals[j])
    const sorted = order.map((i) => pts[i])
    vals = order.map((i) => vals[i])
    pts.splice(0, pts.length, ...sorted)
    const best = vals[0]
    const worst = vals[d]
    const spreadF = Math.abs(worst - best)
    let spreadX = 0
    for (let i = 1; i <= d; i++) for (let j = 0; j < d; j++) spreadX = Math.max(spreadX, Math.abs(pts[i][j] - pts[0][j]))
    if (Number.isFinite(best) && spreadF <= o.ftol * (Math.abs(best) + 1e-10) && spreadX <= o.xtol) {
      converged = true
      break
    }
    const centroid = new Array<number>(d).fill(0)
    for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) centroid[j] += pts[i][j] / d
    const along = (t: number) => centroid.map((c, j) => c + t * (pts[d][j] - c))
    const xr = along(-alpha)
    const fr = fx(xr)
    if (fr < vals[0]) {
      const xe = along(-alpha * beta)
      const fe = fx(xe)
      if (fe < fr) [pts[d], vals[d]] = [xe, fe]
      else [pts[d], vals[d]] = [xr, fr]
    } else if (fr < vals[d - 1]) {
      ;[pts[d], vals[d]] = [xr, fr]
    } else {
      const outside = fr < vals[d]
      const xc = outside ? along(-alpha * gamma) : along(gamma)
      const fc = fx(xc)
      if (fc < (outside ? fr : vals[d])) {
        ;[pts[d], vals[d]] = [xc, fc]
      } else {
        for (let i = 1; i <= d; i++) {
          pts[i] = pts[i].map((v, j) => pts[0][j] + delta * (v - pts[0][j]))
          vals[i] = fx(pts[i])
        }
      }
    }
  }
  let bi = 0
  for (let i = 1; i <= d; i++) if (vals[i] < vals[bi]) bi = i
  return { x: pts[bi], f: vals[bi], evaluations, converged }
}

/**
 * Minimise from each start, restarting Nelder–Mead at the best point until a restart
 * improves the objective by less than 1e-9 (relative); answers the best over all starts.
 */
export function minimise(f: (x: number[]) => number, starts: number[][], options: OptimiseOptions = {}): OptimiseResult {
  let best: OptimiseResult | undefined
  let evaluations = 0
  for (const start of starts) {
    let run = nelderMead(f, start, options)
    evaluations += run.evaluations
    for (let restart = 0; restart < 10; restart++) {
      const again = nelderMead(f, run.x, { ...options, step: (options.step ?? defaults.step) / 4 })
      evaluations += again.evaluations
      const gain = run.f - again.f
      const settled = !(gain > 1e-9 * (Math.abs(run.f) + 1e-10))
      if (again.f <= run.f) run = { ...again, converged: again.converged && settled }
      if (settled) break
    }
    if (!best || run.f < best.f) best = run
  }
  if (!best) throw new Error('minimise needs at least one start')
  return { ...best, evaluations }
}
