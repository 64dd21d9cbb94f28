/** A child's age in whole months on a day, as a shop reads it off the baby's birthday (1段 until 6 months, …). */
export function ageInMonths(birthday: string, day: string): number {
  const [by, bm, bd] = birthday.slice(0, 10).split('-').map(Number)
  const [y, m, d] = day.slice(0, 10).split('-').map(Number)
  return (y - by) * 12 + (m - bm) - (d < bd ? 1 : 0)
}
