/**
 * Who the demo's members are, as a POS member list (会员资料) holds them: gender, birthday
 * (some lunar), a referrer's card, a tag, the baby's birthday (the one the sales plan bought
 * for, so what was sold fits the child's age), name and gender, consent. Drawn from its own
 * random stream (seed + 1), so adding or changing profiles never changes what was sold.
 */
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
  childName: string | null
  childGender: '男' | '女' | null
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
  for (const { line } of [...seen.values()].sort((a, b) => (a.firstAt < b.firstAt ? -1 : 1))) {
    const birthYear = rnd.int(1985, 1998)
    const lunar = rnd.chance(0.15)
    members.push({
      card: line.card,
      phone: line.phone,
      name: line.name,
      gender: line.gender,
      birthday: rnd.chance(0.55) ? `${birthYear}-${pad(rnd.int(1, 12))}-${pad(rnd.int(1, 28))}` : null,
      lunar,
      referrerCard: cards.length > 10 && rnd.chance(0.08) ? cards[rnd.int(0, cards.length - 1)] : null,
      tag: rnd.chance(0.35) ? rnd.pick(catalogue.tags) : null,
      // most mothers give the baby's birthday when they join; the rest never did
      childBirthday: rnd.chance(0.9) ? line.childBirthday : null,
      childName: rnd.chance(0.5) ? rnd.pick(BABY_NAMES) : null,
      childGender: rnd.chance(0.8) ? rnd.pick(['男', '女'] as const) : null,
      consentSms: rnd.chance(0.93),
      address: line.address
    })
    if (line.card) cards.push(line.card)
  }
  return members
}

/** the pet names a member list's 宝宝姓名 usually holds */
const BABY_NAMES = ['乐乐', '豆豆', '朵朵', '果果', '糖糖', '小宝', '安安', '多多', '米粒', '团团', '航航', '一一']

function pad(n: number): string {
  return String(n).padStart(2, '0')
}
