/**
 * The six-step loyalty ladder (忠诚度阶梯, DOMAIN.md). Every customer stands on exactly one
 * step: the highest one that applies. "Core" is the shop's to define; these are the defaults.
 */
export const ladderSteps = ['prospect', 'target', 'firstTime', 'repeat', 'core', 'advocate'] as const
export type LadderStep = (typeof ladderSteps)[number]

export const ladderLabels: Record<LadderStep, { zh: string; en: string }> = {
  prospect: { zh: '潜在客户', en: 'Prospect' },
  target: { zh: '目标客户', en: 'Target' },
  firstTime: { zh: '首次消费客户', en: 'First-time' },
  repeat: { zh: '重复消费客户', en: 'Repeat' },
  core: { zh: '铁杆客户', en: 'Core' },
  advocate: { zh: '宣传客户', en: 'Advocate' }
}

/** What makes a repeat customer "core": all criteria within the window ending on the as-of date. */
export interface CoreCriteria {
  /** distinct product categories bought in the window */
  minCategories: number
  /** purchase occasions in the window */
  minOrders: number
  /** spend in the window, fen (0 = no spend criterion) */
  minSpendFen: number
  /** the window: this many calendar days ending on the as-of date */
  windowDays: number
}

export const defaultCoreCriteria: CoreCriteria = { minCategories: 3, minOrders: 4, minSpendFen: 0, windowDays: 365 }

/** Facts about one customer that decide the step. */
export interface LadderFacts {
  orders: number
  /** the shop decided to court this prospect: customers.targeted, or any tag */
  targeted: boolean
  meetsCore: boolean
  /** referred at least one customer who bought */
  referredBuyer: boolean
}

/** The highest step that applies. */
export function ladderStep(f: LadderFacts): LadderStep {
  if (f.referredBuyer) return 'advocate'
  if (f.orders >= 2 && f.meetsCore) return 'core'
  if (f.orders >= 2) return 'repeat'
  if (f.orders === 1) return 'firstTime'
  if (f.targeted) return 'target'
  return 'prospect'
}
