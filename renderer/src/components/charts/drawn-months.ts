/**
 * The months a chart by month draws: from the service's `chartFrom` (the shop's first month
 * with data, 6 to 24 months back) on. The range is the service's to decide, never guessed here.
 */
export function drawnMonths<T extends { month: string }>(months: readonly T[], chartFrom: string): T[] {
  return months.filter((m) => m.month >= chartFrom)
}
