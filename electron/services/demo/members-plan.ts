/**
 * Who the demo's members are, as a POS member list (会员资料) holds them: gender, birthday
 * (some lunar), a referrer's card, a tag, a baby's birthday, consent. Drawn from its own
 * random stream (seed + 1), so adding or changing profiles never changes what was sold.
 */
import { addDays } from '../../../shared/domain/dates'
import { Random } from './random'
import type { SalesPlan } from './sales-plan'
import catalogue from '../../../resources/demo/catalogue.json'

export interface DemoMember {
  card: string | null
  phone: string | null
  name: string
  gender: '女' | '男'
  birthday: string | null
  lunar: boolean
  referrerCard: string | null
  tag: string | null
  childBirthday: string | null
  consentSms: boolean
  address: string
}

/** One row per customer the shop can reach by card or phone (online-only buyers without a phone are not members). */
export function planMembers(sales: SalesPlan, seed: number): DemoMember[] {
  const rnd = new Random(seed + 1)
  const seen = new Map<string, { line: SalesPlan['store'][number]; firstAt: string }>()
  for (const line of [...sales.store, ...sales.online]) {
    const key = line.phone ?? line.card ?? ''
    if (key === '') continue
    const had = seen.get(key)
    if (!had) seen.set(key, { line, firstAt: line.at })
    else {
      if (line.at < had.firstAt) had.firstAt = line.at
      if (!had.line.card && line.card) had.line = { ...had.line, card: line.card }
    }
  }
  const members: DemoMember[] = []
  const cards: string[] = []
  for (const { line, firstAt } of [...seen.values()].sort((a, b) => (a.firstAt < b.firstAt ? -1 : 1))) {
    const female = rnd.chance(0.86)
    const birthYear = rnd.int(1985, 1998)
    const lunar = rnd.chance(0.15)
    members.push({
      card: line.card,
      phone: line.phone,
      name: line.name,
      gender: female ? '女' : '男',
      birthday: rnd.chance(0.55) ? `${birthYear}-${pad(rnd.int(1, 12))}-${pad(rnd.int(1, 28))}` : null,
      lunar,
      referrerCard: cards.length > 10 && rnd.chance(0.08) ? cards[rnd.int(0, cards.length - 1)] : null,
      tag: rnd.chance(0.35) ? rnd.pick(catalogue.tags) : null,
      childBirthday: rnd.chance(0.6) ? addDays(firstAt.slice(0, 10), -rnd.int(0, 500)) : null,
      consentSms: rnd.chance(0.93),
      address: line.address
    })
    if (line.card) cards.push(line.card)
  }
  return members
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}
