/**
 * The demo shop written straight into the ledger: what the unit tests and benches still use
 * as a fixture until they move to the file-based demo (demo-import.ts), which the app, the
 * IPC channel and the CLI load. The mother-and-baby shop: two years of believable sales for N customers, written
 * through the same ledger as a real import (one batch, undoable). Customers join over the
 * two years, buy at their own pace, and drop out after a while, as real ones do; some buy in
 * store with a member card, some online with a buyer id, some in both; a few return things
 * and a few were brought by a friend.
 */
import type { Db } from '../../db/driver'
import { addDays, daysBetween } from '../../../shared/domain/dates'
import { DomainError } from '../../../shared/result'
import type { DemoResult } from '../../../shared/schemas/demo'
import { LedgerWriter } from '../ledger/ledger-writer'
import type { Identity } from '../ledger/identities'
import { Random } from './random'
import catalogue from '../../../resources/demo/catalogue.json'

export interface DemoOptions {
  customers: number
  seed: number
  asOf: string
  /** report progress as a fraction 0..1 */
  onProgress?: (fraction: number) => void
}

type Product = (typeof catalogue.products)[number]
const HISTORY_DAYS = 730

export function loadDemoShop(db: Db, options: DemoOptions): DemoResult {
  const existing = db.prepare('SELECT count(*) FROM orders').pluck().get() as number
  if (existing > 0) throw new DomainError('CONFLICT', '数据库里已有销售数据，示例店只能载入空数据库。(the database already holds sales)')
  const rnd = new Random(options.seed)
  const from = addDays(options.asOf, -HISTORY_DAYS)
  let orders = 0
  let lines = 0
  let revenueFen = 0
  let batchId = 0

  db.transaction(() => {
    batchId = LedgerWriter.createBatch(db, {
      fileName: `demo-shop (${options.customers} customers, seed ${options.seed})`,
      fileSize: 0,
      fileHash: `demo:${options.customers}:${options.seed}:${options.asOf}`,
      importedAt: `${options.asOf}T00:00:00`,
      format: 'demo'
    })
    const w = new LedgerWriter(db, batchId)
    for (const p of catalogue.products) {
      const id = w.productId(p.code, p.name, p.category)
      db.prepare('UPDATE products SET days_per_unit = ? WHERE id = ?').run(p.daysPerUnit, id)
    }
    for (const c of ['奶粉', '纸尿裤', '辅食', '洗护']) {
      db.prepare('INSERT OR IGNORE INTO categories (name, days_per_unit) VALUES (?, NULL)').run(c)
    }
    const productIds = new Map(catalogue.products.map((p) => [p, w.productId(p.code, p.name, p.category)]))
    const setProfile = db.prepare(
      `UPDATE customers SET gender = ?, birthday = ?, birthday_lunar = ?, age_band = ?, referred_by = ?, notes = ?,
         consent_sms = ?, consent_mail = ? WHERE id = ?`
    )
    const addTag = db.prepare('INSERT OR IGNORE INTO customer_tags (customer_id, tag) VALUES (?, ?)')
    const addChild = db.prepare('INSERT INTO customer_children (customer_id, name, birthday) VALUES (?, ?, ?)')
    const usedPhones = new Set<string>()
    const ids: number[] = []

    for (let i = 0; i < options.customers; i++) {
      const joinDay = rnd.int(0, HISTORY_DAYS - 3)
      const channelRoll = rnd.next()
      const channel: 'store' | 'online' | 'both' = channelRoll < 0.55 ? 'store' : channelRoll < 0.87 ? 'online' : 'both'
      const identities: Identity[] = []
      let phone: string
      do
        phone = `1${rnd.pick(['35', '36', '37', '38', '39', '50', '51', '52', '58', '59', '77', '86', '87', '88'])}${String(rnd.int(0, 99_999_999)).padStart(8, '0')}`
      while (usedPhones.has(phone))
      usedPhones.add(phone)
      if (channel !== 'online') identities.push({ kind: 'card', value: `VIP${String(100000 + i).padStart(8, '0')}` })
      if (channel !== 'store') identities.push({ kind: 'buyer', value: `tb_${(i * 7919 + options.seed).toString(36)}` })
      if (channel !== 'online' || rnd.chance(0.8)) identities.push({ kind: 'phone', value: phone })
      const place = rnd.pick(catalogue.places)
      const district = rnd.pick(place.districts)
      const address = `${place.province}${place.city === place.province ? '' : place.city}${district}${rnd.pick(catalogue.streets)}${rnd.int(1, 399)}号${rnd.int(1, 30)}幢${rnd.int(101, 2502)}室`
      const female = rnd.chance(0.86)
      const name = rnd.pick([...catalogue.surnames]) + rnd.pick(female ? catalogue.givenNames.slice(0, 30) : catalogue.givenNames.slice(30))
      const firstAt = timeOn(rnd, addDays(from, joinDay))
      const { customerId } = w.resolveCustomer(identities, {
        name,
        address,
        province: place.province,
        city: place.city,
        district,
        seenAt: firstAt
      })
      ids.push(customerId)
      const referrer = ids.length > 10 && rnd.chance(0.08) ? ids[rnd.int(0, ids.length - 2)] : null
      const birthYear = rnd.int(1985, 1998)
      setProfile.run(
        female ? 'f' : 'm',
        rnd.chance(0.55) ? `${birthYear}-${pad(rnd.int(1, 12))}-${pad(rnd.int(1, 28))}` : null,
        rnd.chance(0.15) ? 1 : 0,
        birthYear >= 1995 ? '25岁以下' : birthYear >= 1990 ? '26-35岁' : '36-45岁',
        referrer,
        rnd.chance(0.05) ? '宝宝对牛奶蛋白过敏，推荐水解配方' : null,
        rnd.chance(0.93) ? 1 : 0,
        rnd.chance(0.97) ? 1 : 0,
        customerId
      )
      if (rnd.chance(0.35)) addTag.run(customerId, rnd.pick(catalogue.tags))
      if (rnd.chance(0.6)) addChild.run(customerId, null, addDays(from, joinDay - rnd.int(0, 500)))

      // buying pace: a usual gap, a chance to drop out after each purchase, favourite categories
      const usualGap = 12 + rnd.exp(35)
      const dropOut = rnd.chance(0.3) ? 1 : 0.04 + rnd.next() * 0.12
      const favourites = new Set([rnd.pick(['奶粉', '奶粉', '纸尿裤', '辅食']), rnd.pick(['纸尿裤', '辅食', '洗护', '童装', '玩具'])])
      let day = joinDay
      let n = 0
      while (day <= HISTORY_DAYS) {
        const at = n === 0 ? firstAt : timeOn(rnd, addDays(from, day))
        const online = channel === 'online' || (channel === 'both' && rnd.chance(0.5))
        const orderNo = `${online ? 'TB' : 'PS'}${at.slice(0, 10).replaceAll('-', '')}${String(i).padStart(6, '0')}${pad(n)}`
        const orderId = w.orderId({
          externalId: orderNo,
          orderedAt: at,
          customerId,
          channel: online ? 'online' : 'store',
          store: online ? '天猫旗舰店' : rnd.pick(catalogue.stores),
          paymentMethod: rnd.pick(catalogue.payments),
          address: online ? address : null
        })
        const lineCount = rnd.int(1, 4)
        const bought: Product[] = []
        for (let k = 0; k < lineCount; k++) {
          const p = rnd.weighted(catalogue.products, (x) => x.weight * (favourites.has(x.category) ? 6 : 1))
          if (bought.includes(p)) continue
          bought.push(p)
          const qty = p.category === '奶粉' || p.category === '纸尿裤' ? rnd.int(1, 3) : 1
          const discount = rnd.chance(0.2) ? 0.9 : 1
          const amount = Math.round(p.priceFen * qty * discount)
          w.addLine({
            orderId,
            customerId,
            productId: productIds.get(p)!,
            quantity: qty,
            unitPriceFen: p.priceFen,
            amountFen: amount,
            contentKey: `demo:${orderNo}:${k}`
          })
          lines++
          revenueFen += amount
        }
        orders++
        if (rnd.chance(0.02) && bought.length > 0) {
          // a return a few days later: a negative line on an order of its own
          const p = bought[0]
          const returnAt = timeOn(rnd, addDays(at.slice(0, 10), rnd.int(1, 6)))
          if (daysBetween(returnAt, options.asOf) >= 0) {
            const rid = w.orderId({ externalId: `R${orderNo}`, orderedAt: returnAt, customerId, channel: online ? 'online' : 'store', status: '退货' })
            w.addLine({
              orderId: rid,
              customerId,
              productId: productIds.get(p)!,
              quantity: -1,
              unitPriceFen: p.priceFen,
              amountFen: -p.priceFen,
              contentKey: `demo:R${orderNo}`
            })
            lines++
            revenueFen -= p.priceFen
          }
        }
        n++
        if (rnd.chance(dropOut)) break
        day += Math.max(1, Math.round(usualGap * (0.6 + rnd.next() * 0.8)))
      }
      if (options.onProgress && i % 1000 === 0) options.onProgress(i / options.customers)
    }
    w.finish()
    db.prepare(`UPDATE import_batches SET rows_read = ?, rows_imported = ?, customers_created = ?, total_fen = ? WHERE id = ?`).run(
      lines,
      lines,
      options.customers,
      revenueFen,
      batchId
    )
  })()
  options.onProgress?.(1)
  return { customers: options.customers, orders, lines, revenueFen, from, to: options.asOf, batches: [batchId] }
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

/** A shop-hours time on that day. */
function timeOn(rnd: Random, day: string): string {
  return `${day}T${pad(rnd.int(9, 21))}:${pad(rnd.int(0, 59))}:${pad(rnd.int(0, 59))}`
}
