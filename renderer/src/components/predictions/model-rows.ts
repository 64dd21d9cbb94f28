/**
 * The model comparison as plain rows, kept out of the .vue files so it can be tested: one row
 * per purchase-count model, with its holdout figures, or why it has none, and whether it is
 * the one the shop's scores use.
 */
import type { ClvFit, CountModelName, TopList, Words } from '@shared/schemas/predictions'
import { forecastGapPercent } from './backtest-words'

/** Random timing first, then the regular-rhythm models (the order staff read them in). */
export const COUNT_MODELS: readonly CountModelName[] = ['bgnbd', 'paretoNbd', 'mbgnbd', 'bgcnbd', 'mbgcnbd']

/** The names the literature uses; the same in every language, shown smaller after the plain name. */
export const TECH_NAMES: Record<CountModelName, string> = {
  bgnbd: 'BG/NBD',
  paretoNbd: 'Pareto/NBD',
  mbgnbd: 'MBG/NBD',
  bgcnbd: 'BG/CNBD-k',
  mbgcnbd: 'MBG/CNBD-k'
}

export const isCountModel = (name: string): name is CountModelName => (COUNT_MODELS as readonly string[]).includes(name)

export type ModelRow =
  | {
      name: CountModelName
      state: 'scored'
      chosen: boolean
      forecast: number
      actual: number
      /** signed percent of the actual (negative = forecast too low); null when nothing happened */
      gapPct: number | null
      /** mean per-customer miss in repeat purchases */
      mae: number
      /** the rhythm's k for the CNBD-k models, null for the others */
      k: number | null
    }
  | { name: CountModelName; state: 'failed'; chosen: false; why: Words }
  /** fitted, but there was no holdout to check it on */
  | { name: CountModelName; state: 'unchecked'; chosen: boolean; k: number | null }

function kOf(fit: ClvFit, name: CountModelName): number | null {
  if (name === 'bgcnbd') return fit.bgcnbd?.k ?? null
  if (name === 'mbgcnbd') return fit.mbgcnbd?.k ?? null
  return null
}

const fitted = (fit: ClvFit, name: CountModelName): boolean => fit[name] !== null

/** One row per model the fit tried; a model it was not asked for (Pareto/NBD skipped) has no row. */
export function modelRows(fit: ClvFit): ModelRow[] {
  const rows: ModelRow[] = []
  for (const name of COUNT_MODELS) {
    const bt = fit.backtests[name]
    const why = fit.modelErrors[name] ?? (name === 'paretoNbd' ? fit.paretoNbdError : null)
    const chosen = fit.chosen === name
    if (bt) {
      rows.push({
        name,
        state: 'scored',
        chosen,
        forecast: bt.forecastRepeat,
        actual: bt.actualRepeat,
        gapPct: forecastGapPercent(bt.forecastRepeat, bt.actualRepeat),
        mae: bt.mae,
        k: kOf(fit, name)
      })
    } else if (why) rows.push({ name, state: 'failed', chosen: false, why })
    else if (fitted(fit, name)) rows.push({ name, state: 'unchecked', chosen, k: kOf(fit, name) })
  }
  return rows
}

/** The models the chart can show (those with a backtest), the chosen one first to be picked by default. */
export function chartModels(fit: ClvFit): CountModelName[] {
  return COUNT_MODELS.filter((n) => fit.backtests[n] !== undefined)
}

/** The services write their English sentences to follow a label; standing alone they start with a capital. */
export function asSentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** A signed gap for the table: "+4%", "−12%", "0%", or "—" when the holdout had no purchases. */
export function gapText(gap: number | null): string {
  if (gap === null) return '—'
  if (gap === 0) return '0%'
  return gap > 0 ? `+${gap}%` : `−${Math.abs(gap)}%`
}

/**
 * When the page's backtest (on the user's dates) and the top list (its own check, the 26 weeks
 * before the as-of date) name different models: both names, so the page can say why in one line.
 * Null when they agree, or when either has no model.
 */
export function choiceDiffers(fit: ClvFit | null, top: TopList | null): { fit: CountModelName; top: CountModelName } | null {
  if (!fit?.chosen || fit.mode !== 'model' || !top || top.mode !== 'model' || !isCountModel(top.model)) return null
  return fit.chosen === top.model ? null : { fit: fit.chosen, top: top.model }
}
