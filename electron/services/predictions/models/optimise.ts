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
  /** true when the caller's `stop` ended the run at x (BFGS only) */
  stopped?: boolean
}

const defaults: Required<OptimiseOptions> = { step: 0.5, ftol: 1e-11, xtol: 1e-7, maxEvaluations: 4000, bound: 30 }

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
 * improves the objective by less than 1e-9 (relative). Later starts are tried only while
 * no run has both converged and satisfied `good` (e.g. parameters in a sane range); answers
 * the best run.
 */
export function minimise(
  f: (x: number[]) => number,
  starts: number[][],
  options: OptimiseOptions = {},
  good: (r: OptimiseResult) => boolean = () => true
): OptimiseResult {
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
    if (best.converged && good(best)) break
  }
  if (!best) throw new Error('minimise needs at least one start')
  return { ...best, evaluations }
}

export interface BfgsOptions {
  /** stop when every gradient component is below this */
  gtol?: number
  maxIterations?: number
  /** longest step in any coordinate (log units): keeps a first step from leaping into overflow */
  maxStep?: number
  /** asked after every accepted step: true ends the run there (a limit the caller recognises) */
  stop?: (x: number[], f: number) => boolean
}

/**
 * BFGS with an analytic gradient and Armijo backtracking, for the large fits where each
 * evaluation is costly: it needs tens of evaluations where Nelder–Mead needs hundreds.
 * `fg` answers the objective and its gradient; non-finite values make the step shrink.
 */
export function bfgs(fg: (x: number[]) => { f: number; g: number[] }, x0: number[], options: BfgsOptions = {}): OptimiseResult {
  const gtol = options.gtol ?? 1e-6
  const maxIterations = options.maxIterations ?? 300
  const maxStep = options.maxStep ?? 2
  const d = x0.length
  let x = x0.slice()
  let cur = fg(x)
  let evaluations = 1
  if (!Number.isFinite(cur.f) || cur.g.some((v) => !Number.isFinite(v))) return { x, f: Infinity, evaluations, converged: false }
  let H: number[][] = Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j ? 1 : 0)))
  for (let it = 0; it < maxIterations; it++) {
    if (cur.g.every((v) => Math.abs(v) < gtol)) return { x, f: cur.f, evaluations, converged: true }
    let dir = H.map((row) => -row.reduce((s, h, j) => s + h * cur.g[j], 0))
    let slope = dir.reduce((s, v, i) => s + v * cur.g[i], 0)
    if (!(slope < 0)) {
      // not a descent direction: reset to steepest descent
      H = H.map((row, i) => row.map((_, j) => (i === j ? 1 : 0)))
      dir = cur.g.map((v) => -v)
      slope = -cur.g.reduce((s, v) => s + v * v, 0)
    }
    const longest = Math.max(...dir.map(Math.abs))
    let t = longest > maxStep ? maxStep / longest : 1
    let next: { f: number; g: number[] } | undefined
    let xn: number[] = x
    for (let k = 0; k < 60; k++) {
      xn = x.map((v, i) => v + t * dir[i])
      const trial = fg(xn)
      evaluations++
      if (Number.isFinite(trial.f) && trial.g.every((v) => Number.isFinite(v)) && trial.f <= cur.f + 1e-4 * t * slope) {
        next = trial
        break
      }
      t /= 2
    }
    if (!next) return { x, f: cur.f, evaluations, converged: cur.g.every((v) => Math.abs(v) < gtol * 100) }
    const s = xn.map((v, i) => v - x[i])
    const y = next.g.map((v, i) => v - cur.g[i])
    const sy = s.reduce((acc, v, i) => acc + v * y[i], 0)
    if (sy > 1e-12) {
      // H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ
      const rho = 1 / sy
      const Hy = H.map((row) => row.reduce((acc, h, j) => acc + h * y[j], 0))
      const yHy = y.reduce((acc, v, i) => acc + v * Hy[i], 0)
      H = H.map((row, i) => row.map((h, j) => h - rho * (Hy[i] * s[j] + s[i] * Hy[j]) + (rho * rho * yHy + rho) * s[i] * s[j]))
    }
    const fPrev = cur.f
    x = xn
    cur = next
    if (options.stop?.(x, cur.f)) return { x, f: cur.f, evaluations, converged: false, stopped: true }
    if (Math.abs(fPrev - cur.f) <= 1e-15 * Math.abs(cur.f) && cur.g.every((v) => Math.abs(v) < gtol * 100)) {
      return { x, f: cur.f, evaluations, converged: true }
    }
  }
  return { x, f: cur.f, evaluations, converged: cur.g.every((v) => Math.abs(v) < gtol) }
}
