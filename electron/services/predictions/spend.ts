/**
 * The spend model, standing on its own: Gamma-Gamma when the repeat buyers' values can pin it
 * down, otherwise a stated, simpler estimate, so a shop where everyone pays the same price
 * (formula at a fixed price) still gets counts, P(alive) and values from the count models.
 */
import { DomainError } from '../../../shared/result'
import type { Words } from '../../../shared/schemas/predictions'
import type { CalibrationRow } from './calibration'
import { fitGammaGamma, gammaGammaExpectedValue, type GammaGammaParams } from './models/gamma-gamma'
import { errorWords } from './error-words'

/**
 * How many purchases at the shop's mean a customer's own mean is blended with in the fallback.
 * One: a customer with a single repeat purchase lands halfway between their own value and the
 * shop's, and ten purchases are 91% their own, which is what the fixed-price shops show (their
 * own mean barely moves from one visit to the next).
 */
export const SHRINK_PURCHASES = 1

export type SpendModel =
  | { model: 'gamma-gamma'; fallback: false; reason: null; params: GammaGammaParams }
  | { model: 'shrunk-mean' | 'shop-mean'; fallback: true; reason: Words; shopMeanFen: number }

/** Fit Gamma-Gamma on the repeat buyers with a positive mean value, or fall back and say why. */
export function fitSpendModel(rows: CalibrationRow[]): SpendModel {
  const buyers = rows.filter((r) => r.spendDays > 0)
  let mean = 0
  for (const r of buyers) mean += r.zbarFen / buyers.length
  const fallback = (why: Words): SpendModel => {
    const shrunk = buyers.length > 0
    return {
      model: shrunk ? 'shrunk-mean' : 'shop-mean',
      fallback: true,
      shopMeanFen: mean,
      reason: shrunk
        ? {
            zh: `${why.zh}；客单价改用每位顾客自己的平均客单价，向全店平均（${(mean / 100).toFixed(2)} 元）靠拢一次购买的分量`,
            en: `${why.en}; spend is each customer's own mean value pulled toward the shop's mean (¥${(mean / 100).toFixed(2)}) by the weight of one purchase`
          }
        : { zh: `${why.zh}；客单价改用全店平均`, en: `${why.en}; spend is the shop's mean` }
    }
  }
  try {
    const gg = fitGammaGamma({ x: Float64Array.from(buyers, (r) => r.spendDays), zbar: Float64Array.from(buyers, (r) => r.zbarFen) })
    if (!(gg.params.q > 1)) {
      return fallback({
        zh: `Gamma-Gamma 的 q=${gg.params.q.toFixed(3)} ≤ 1，平均客单价无定义`,
        en: `Gamma-Gamma gave q=${gg.params.q.toFixed(3)} ≤ 1, where the mean value is undefined`
      })
    }
    return { model: 'gamma-gamma', fallback: false, reason: null, params: gg.params }
  } catch (e) {
    if (!(e instanceof DomainError)) throw e
    const why = errorWords(e)
    return fallback({ zh: `Gamma-Gamma 无法拟合（${why.zh}）`, en: `Gamma-Gamma could not be fitted (${why.en})` })
  }
}

/** A customer's expected value per purchase in fen, from their spend days and mean repeat value. */
export function expectedSpendFen(m: SpendModel, spendDays: number, zbarFen: number): number {
  if (m.model === 'gamma-gamma') return gammaGammaExpectedValue(m.params, spendDays, zbarFen)
  if (m.model === 'shop-mean' || spendDays <= 0) return m.shopMeanFen
  return (spendDays * zbarFen + SHRINK_PURCHASES * m.shopMeanFen) / (spendDays + SHRINK_PURCHASES)
}
