/**
 * Each regular buyer's own expected next purchase, for the replenishment reminders: BG/CNBD-k
 * (Platzer & Reutterer 2016) fitted in days on every purchase up to the list's date; the gap
 * after the customer's last purchase from the model's wait (cnbdWaitSurvival; its median is the date, with the 80%
 * interval). Only a shop whose fitted k ≥ 2 buys on a
 * rhythm; only a customer with three purchase days or more has one of their own to go by.
 * The fit runs once per date and data version (any write to the database), not on every
 * render of the call list. A fit that cannot be made says why, and the reminders keep the rule.
 */
import type { Db } from '../../db/driver'
import { keptUntilWrite } from '../app/data-version'
import { DomainError } from '../../../shared/result'
import { addDays, dayNumber } from '../../../shared/domain/dates'
import type { Words } from '../../../shared/schemas/predictions'
import { readPurchaseHistory } from '../predictions/purchase-history'
import { calibrate, type CalibrationRow } from '../predictions/calibration'
import { cnbdWaitSurvival, fitCnbd, type CnbdParams } from '../predictions/models/bgcnbd'
import { quantileFromSurvival } from '../predictions/models/count-models'
import { groupDays } from '../predictions/models/rfm'
import { gapSummary, meanGapDays } from '../predictions/regularity'
import { MIN_REPEAT_BUYERS } from '../predictions/clv-service'

/** A customer's own rhythm needs this many repeat purchase days (three purchase days). */
export const MIN_OWN_REPEATS = 2

export interface OwnNext {
  /** the customer's last purchase day, the one the wait runs from */
  lastDay: string
  /** the expected next purchase: the customer's last purchase day + the median gap, and the 80% interval */
  date: string
  from: string
  to: string
  /** the 80% interval's width in days */
  widthDays: number
  /** the customer's own mean days between purchase days */
  gapDays: number
}

export interface ShopRhythm {
  /** null when there is no model to go by (too few repeat buyers, no rhythm, no fit) */
  params: CnbdParams | null
  /** how the reminders were dated, in words */
  note: Words
  nextFor(customerId: number): OwnNext | null
}

/** The shop's rhythm as of `date`, fitted once per date until the data changes. */
export function shopRhythm(db: Db, date: string): ShopRhythm {
  return keptUntilWrite(db, ['shopRhythm', date], () => fitRhythm(db, date))
}

function ruleOnly(note: Words): ShopRhythm {
  return { params: null, note, nextFor: () => null }
}

function fitRhythm(db: Db, date: string): ShopRhythm {
  const rows = calibrate(readPurchaseHistory(db, date), dayNumber(date))
  const repeat = rows.filter((r) => r.x > 0).length
  if (repeat < MIN_REPEAT_BUYERS) {
    return ruleOnly({
      zh: `只有 ${repeat} 位回头客，少于购买节奏模型需要的 ${MIN_REPEAT_BUYERS} 位：补货提醒都按每件天数估算`,
      en: `only ${repeat} repeat buyers, fewer than the ${MIN_REPEAT_BUYERS} the rhythm model needs: every replenishment is dated by days per unit`
    })
  }
  let params: CnbdParams
  try {
    const groups = groupDays(
      rows.map((r) => r.x),
      rows.map((r) => r.txDays),
      rows.map((r) => r.TDays),
      1
    )
    params = fitCnbd(groups, gapSummary(rows, 1), 'bg').params
  } catch (e) {
    if (!(e instanceof DomainError)) throw e
    return ruleOnly({
      zh: `购买节奏模型（BG/CNBD-k）无法拟合（${e.message}）：补货提醒都按每件天数估算`,
      en: `the rhythm model (BG/CNBD-k) could not be fitted: every replenishment is dated by days per unit`
    })
  }
  if (params.k < 2) {
    return ruleOnly({
      zh: '本店顾客的购买时间没有明显规律（BG/CNBD-k 的 k = 1）：补货提醒都按每件天数估算',
      en: "this shop's customers buy at no clear rhythm (BG/CNBD-k finds k = 1): every replenishment is dated by days per unit"
    })
  }
  const byId = new Map<number, CalibrationRow>(rows.map((r) => [r.customerId, r]))
  const gap = meanGapDays(rows)
  const memo = new Map<number, OwnNext | null>()
  return {
    params,
    note: {
      zh: `本店顾客买得有规律（BG/CNBD-k，k = ${params.k}，平均约每 ${Math.round(gap ?? 0)} 天一次）：买过三次以上的顾客，按顾客自己的节奏预计下次购买，比按每件天数估算更有把握、又落在这件商品的回购间隔里（或顾客自己回购它也是这个节奏）时就用它，否则仍按每件天数`,
      en: `this shop's customers buy on a rhythm (BG/CNBD-k, k = ${params.k}, about every ${Math.round(gap ?? 0)} days): for customers with three purchase days or more, their own expected next purchase is used where it is more certain than days per unit and falls within the product's repurchase spread (or their own repurchases of it keep that rhythm); otherwise days per unit`
    },
    nextFor(customerId) {
      if (memo.has(customerId)) return memo.get(customerId)!
      const r = byId.get(customerId)
      let out: OwnNext | null = null
      if (r && r.x >= MIN_OWN_REPEATS) {
        // the gap after the last purchase, from what was known then (like the rule, a date that
        // stays put: it falls due, and is missed, instead of moving on with every quiet day)
        const q = (p: number) => quantileFromSurvival((w) => cnbdWaitSurvival(params, 'bg', w, r.x, r.txDays, r.txDays), p)
        const last = addDays(date, r.txDays - r.TDays)
        const [lo, mid, hi] = [q(0.1), q(0.5), q(0.9)]
        const at = (w: number) => addDays(last, Math.max(1, Math.round(w)))
        out = { lastDay: last, date: at(mid), from: at(lo), to: at(hi), widthDays: hi - lo, gapDays: r.txDays / r.x }
      }
      memo.set(customerId, out)
      return out
    }
  }
}
