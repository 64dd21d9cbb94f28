/**
 * The days-per-unit defaults the app ships, by category name: a starting point for a shop
 * that has not filled in its table. They are never written into the shop's table, so any
 * figure in the table is the shop's own (typed on the settings page or brought by its
 * product list) and a shipped one can yield to the shop's evidence without overruling staff.
 * One unit is one pack as sold: an 800 g can of formula at about 100 g a day, a pack of
 * nappies at 6–8 changes a day.
 */
const SHIPPED: Record<string, number> = {
  奶粉: 8,
  配方奶粉: 8,
  纸尿裤: 10,
  尿不湿: 10,
  拉拉裤: 10
}

/** The shipped default for a category, or null. */
export function shippedDays(category: string | null): number | null {
  return category === null ? null : (SHIPPED[category.trim()] ?? null)
}
