/**
 * The preview of a member or product list: each mapped field beside its first rows as the
 * import will store them. The rows go through the same readers the import uses
 * (member-import.ts, product-import.ts), so what the preview shows is what will be written:
 * 女士 as a gender, 388.50 as fen, 农历三月初五 as a lunar birthday with its solar date this year.
 */
import type { FieldSamples, StoredSample } from '../../../shared/schemas/imports'
import { lunarDatesBetween } from '../../../shared/domain/lunar'
import type { DayOrder } from './date-parse'
import type { ImportField } from './fields'
import type { Layout } from './layout-analysis'
import { MemberReader, type MemberRow } from './member-import'
import { ProductReader, type ProductRow } from './product-import'

/** How many rows the samples show. */
export const SAMPLE_ROWS = 3

const EMPTY: StoredSample = { type: 'empty' }
const text = (t: string | null): StoredSample => (t === null || t === '' ? EMPTY : { type: 'text', text: t })
const fen = (f: number | null): StoredSample => (f === null ? EMPTY : { type: 'fen', fen: f })

/** Where a lunar month/day falls in the year of asOf (the first date when it falls twice). */
export function lunarInYear(date: string, asOf: string): string | null {
  const md = date.length === 10 ? date.slice(5) : date
  const [month, day] = md.split('-').map(Number)
  const year = asOf.slice(0, 4)
  return lunarDatesBetween(month, day, `${year}-01-01`, `${year}-12-31`)[0] ?? null
}

function memberValue(row: MemberRow, field: ImportField, asOf: string): StoredSample {
  const id = (kind: MemberRow['identities'][number]['kind']) => text(row.identities.find((i) => i.kind === kind)?.value ?? null)
  switch (field) {
    case 'card':
      return id('card')
    case 'phone':
      return id('phone')
    case 'buyerId':
      return id('buyer')
    case 'externalId':
      return id('external')
    case 'name':
    case 'firstName':
    case 'lastName':
      return text(row.name)
    case 'gender':
      return row.gender ? { type: 'gender', gender: row.gender } : EMPTY
    case 'birthday':
    case 'birthdayCalendar':
      if (!row.birthday) return EMPTY
      return {
        type: 'birthday',
        date: row.birthday.date,
        lunar: row.birthday.lunar,
        solarThisYear: row.birthday.lunar ? lunarInYear(row.birthday.date, asOf) : null
      }
    case 'age':
    case 'ageBand':
      return text(row.ageBand)
    case 'memberSince':
      return text(row.memberSince)
    case 'posTier':
      return text(row.posTier)
    case 'points':
      return row.points === null ? EMPTY : text(String(row.points))
    case 'storedValue':
      return fen(row.storedValueFen)
    case 'referrer':
      return text(row.referrer?.raw ?? null)
    case 'tags':
      return text(row.tags.join('、'))
    case 'notes':
    case 'remark':
      return text(row.notes)
    case 'address':
      return text(row.address)
    case 'childName':
    case 'childBirthday':
    case 'childGender':
      return row.children.length ? { type: 'children', children: row.children } : EMPTY
    case 'consentSms':
      return row.consentSms === null ? EMPTY : { type: 'flag', value: row.consentSms }
    case 'consentEmail':
      return row.consentMail === null ? EMPTY : { type: 'flag', value: row.consentMail }
    default:
      // a sales field in a member list is not stored
      return { type: 'skipped' }
  }
}

function productValue(row: ProductRow, field: ImportField): StoredSample {
  switch (field) {
    case 'productCode':
      return text(row.code)
    case 'barcode':
      return text(row.barcode)
    case 'productName':
      return text(row.name)
    case 'category':
      return text(row.category)
    case 'spec':
      return text(row.spec)
    case 'unit':
      return text(row.unit)
    case 'retailPrice':
    case 'unitPrice':
      return fen(row.retailPriceFen)
    case 'memberPrice':
      return fen(row.memberPriceFen)
    case 'productStatus':
    case 'status':
      return text(row.status)
    case 'daysPerUnit':
      return row.daysPerUnit === null ? EMPTY : text(String(row.daysPerUnit))
    default:
      return { type: 'skipped' }
  }
}

/** The mapped fields in column order, each with the first data rows as stored; [] for a sales file. */
export function storedSamples(layout: Layout, rows: string[][], asOf: string, dayOrder: DayOrder): FieldSamples[] {
  if (layout.kind === 'sales') return []
  const fields = (Object.entries(layout.columns) as [ImportField, number][]).sort((a, b) => a[1] - b[1])
  const shown = rows.slice(0, SAMPLE_ROWS)
  const members = layout.kind === 'members' ? new MemberReader(layout, asOf, dayOrder) : null
  const products = layout.kind === 'products' ? new ProductReader(layout) : null
  const read = shown.map((cells) => (members ? members.read(cells) : products!.read(cells)))
  return fields.map(([field, column]) => ({
    field,
    header: layout.headers[column] ?? field,
    values: read.map((r): StoredSample => {
      if (!r.ok) return r.field === field ? { type: 'rejected', reason: r.reason } : { type: 'skipped' }
      return members ? memberValue(r.row as MemberRow, field, asOf) : productValue(r.row as ProductRow, field)
    })
  }))
}
