/**
 * What the demo shop sold over two years, as plain rows a shop's own exports would hold:
 * customers join over the two years, buy at their own pace and drop out after a while, as
 * real ones do; some buy in store with a member card, some online with a buyer id, some in
 * both; a few return things. Every customer has a baby and buys for its age: stage-1 formula
 * and NB/S nappies for a newborn, stage 2 from six months, pull-ups and stage 3 after the first
 * birthday, and stops buying once the child outgrows the shop (three years). Nothing here
 * touches the database: the rows become files (files/*.ts) that go through the real importer.
 */
import { addDays, daysBetween } from '../../../shared/domain/dates'
import { Random } from './random'
import { ageInMonths } from './child-age'
import { drawSurname } from './surname-draw'
import catalogue from '../../../resources/demo/catalogue.json'
import productList from '../../../resources/demo/product-list.json'

export type DemoProduct = (typeof productList.products)[number]
export const DEMO_PRODUCTS: readonly DemoProduct[] = productList.products

/** the age (months) after which a family no longer shops for a baby */
const OUTGROWN_MONTHS = 36

/** One sale line (or return line, with negative quantity and amount). */
export interface DemoSaleLine {
  channel: 'store' | 'online'
  orderNo: string
  /** shop-local ISO time */
  at: string
  card: string | null
  phone: string | null
  buyer: string | null
  name: string
  address: string
  store: string
  payment: string
  /** the buyer's baby's birthday (the member list carries it as 宝宝生日) */
  childBirthday: string
  gender: '女' | '男'
  product: DemoProduct
  quantity: number
  unitPriceFen: number
  amountFen: number
  status: string
}

export interface SalesPlan {
  from: string
  to: string
  customers: number
  store: DemoSaleLine[]
  online: DemoSaleLine[]
}

export const HISTORY_DAYS = 730

export function planSales(customers: number, seed: number, asOf: string): SalesPlan {
  const rnd = new Random(seed)
  const from = addDays(asOf, -HISTORY_DAYS)
  const store: DemoSaleLine[] = []
  const online: DemoSaleLine[] = []
  const usedPhones = new Set<string>()

  for (let i = 0; i < customers; i++) {
    const joinDay = rnd.int(0, HISTORY_DAYS - 3)
    const channelRoll = rnd.next()
    const channel: 'store' | 'online' | 'both' = channelRoll < 0.55 ? 'store' : channelRoll < 0.87 ? 'online' : 'both'
    let phone: string
    do
      phone = `1${rnd.pick(['35', '36', '37', '38', '39', '50', '51', '52', '58', '59', '77', '86', '87', '88'])}${String(rnd.int(0, 99_999_999)).padStart(8, '0')}`
    while (usedPhones.has(phone))
    usedPhones.add(phone)
    const card = channel !== 'online' ? `VIP${String(100000 + i).padStart(8, '0')}` : null
    const buyer = channel !== 'store' ? `tb_${(i * 7919 + seed).toString(36)}` : null
    // online-only buyers do not always leave a phone the shop can read
    const knownPhone = channel !== 'online' || rnd.chance(0.8) ? phone : null
    const place = rnd.pick(catalogue.places)
    const district = rnd.pick(place.districts)
    const address = `${place.province}${place.city === place.province ? '' : place.city}${district}${rnd.pick(catalogue.streets)}${rnd.int(1, 399)}号${rnd.int(1, 30)}幢${rnd.int(101, 2502)}室`
    const female = rnd.chance(0.86)
    const name = drawSurname(rnd) + rnd.pick(female ? catalogue.givenNames.slice(0, 30) : catalogue.givenNames.slice(30))
    // most families find the shop in the baby's first months; some come with a toddler
    const ageAtJoin = Math.min(Math.round(rnd.exp(140)), 900)
    const childBirthday = addDays(addDays(from, joinDay), -ageAtJoin)

    // buying pace: a usual gap, a chance to drop out after each purchase, favourite categories
    const usualGap = 12 + rnd.exp(35)
    const dropOut = rnd.chance(0.3) ? 1 : 0.04 + rnd.next() * 0.12
    const favourites = new Set([rnd.pick(['奶粉', '奶粉', '纸尿裤', '辅食']), rnd.pick(['纸尿裤', '辅食', '洗护', '童装', '玩具'])])
    let day = joinDay
    let n = 0
    while (day <= HISTORY_DAYS) {
      const at = timeOn(rnd, addDays(from, day))
      const months = ageInMonths(childBirthday, at)
      if (months >= OUTGROWN_MONTHS) break
      const forAge = DEMO_PRODUCTS.filter((p) => p.ageMonths[0] <= months && months < p.ageMonths[1])
      const isOnline = channel === 'online' || (channel === 'both' && rnd.chance(0.5))
      const orderNo = isOnline ? tmallOrderNo(at, i, n) : `PS${at.slice(0, 10).replaceAll('-', '')}${String(i).padStart(6, '0')}${pad(n)}`
      const base = {
        channel: isOnline ? ('online' as const) : ('store' as const),
        at,
        card: isOnline ? null : card,
        phone: knownPhone,
        buyer: isOnline ? buyer : null,
        name,
        address,
        store: isOnline ? '天猫旗舰店' : rnd.pick(catalogue.stores),
        payment: rnd.pick(catalogue.payments),
        childBirthday,
        gender: female ? ('女' as const) : ('男' as const)
      }
      const into = isOnline ? online : store
      const lineCount = rnd.int(1, 4)
      const bought: DemoProduct[] = []
      for (let k = 0; k < lineCount; k++) {
        const p = rnd.weighted(forAge, (x) => x.weight * (favourites.has(x.category) ? 6 : 1))
        if (bought.includes(p)) continue
        bought.push(p)
        const quantity = p.category === '奶粉' || p.category === '纸尿裤' ? rnd.int(1, 3) : 1
        const discount = rnd.chance(0.2) ? 0.9 : 1
        into.push({
          ...base,
          orderNo,
          product: p,
          quantity,
          unitPriceFen: p.priceFen,
          amountFen: Math.round(p.priceFen * quantity * discount),
          status: '交易成功'
        })
      }
      if (rnd.chance(0.02) && bought.length > 0) {
        // a return a few days later: a negative line on an order of its own
        const p = bought[0]
        const returnAt = timeOn(rnd, addDays(at.slice(0, 10), rnd.int(1, 6)))
        if (daysBetween(returnAt, asOf) >= 0) {
          into.push({
            ...base,
            at: returnAt,
            orderNo: `R${orderNo}`,
            product: p,
            quantity: -1,
            unitPriceFen: p.priceFen,
            amountFen: -p.priceFen,
            status: '退货'
          })
        }
      }
      n++
      if (rnd.chance(dropOut)) break
      day += Math.max(1, Math.round(usualGap * (0.6 + rnd.next() * 0.8)))
    }
  }
  return { from, to: asOf, customers, store, online }
}

/** Tmall order numbers are 19 digits; these are unique per customer and purchase. */
function tmallOrderNo(at: string, customer: number, n: number): string {
  return `${at.slice(2, 10).replaceAll('-', '')}${String(customer).padStart(7, '0')}${String(n).padStart(4, '0')}`.padEnd(19, '0')
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

/** A shop-hours time on that day. */
function timeOn(rnd: Random, day: string): string {
  return `${day}T${pad(rnd.int(9, 21))}:${pad(rnd.int(0, 59))}:${pad(rnd.int(0, 59))}`
}
