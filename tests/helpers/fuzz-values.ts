/**
 * Random and schema-shaped inputs for fuzz tests. Values come from pools of the things that
 * break software (injection strings, huge text, odd numbers, traversal paths that stay inside
 * the test's own folder) and from each channel's own JSON Schema, mutated now and then
 * (a missing key, a wrong type, an extra key) so inputs reach past validation into services.
 */
import { Random } from '../../electron/services/demo/random'

const STRINGS = [
  '',
  ' ',
  '王静',
  '13812348000',
  "'; DROP TABLE customers;--",
  '" OR 1=1 --',
  '=HYPERLINK("http://evil")',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '..\\..\\windows\\system32',
  'x'.repeat(5000),
  '\u0000\u0001\uffff',
  '2026-02-30',
  '2026-11-23',
  '1997-09-30',
  '%s%s%n',
  '{{姓名}}',
  'NaN',
  '-1',
  '1e308',
  'VIP00100001',
  'a.b',
  '\u202eevil'
]
const NUMBERS = [0, 1, -1, 2, 7, 31, 100, 0.5, -0.0001, 2 ** 31, -(2 ** 53), 1e-9, 12345.678]

export function randomValue(rnd: Random, depth = 0): unknown {
  const roll = rnd.int(0, depth > 2 ? 4 : 7)
  switch (roll) {
    case 0:
      return null
    case 1:
      return rnd.pick(NUMBERS)
    case 2:
    case 3:
      return rnd.pick(STRINGS)
    case 4:
      return rnd.chance(0.5)
    case 5:
      return Array.from({ length: rnd.int(0, 3) }, () => randomValue(rnd, depth + 1))
    default: {
      const o: Record<string, unknown> = {}
      for (let i = rnd.int(0, 3); i > 0; i--)
        o[rnd.pick(['id', 'name', 'path', 'rule', 'asOf', 'limit', '__proto__', 'constructor', 'x'])] = randomValue(rnd, depth + 1)
      return o
    }
  }
}

type JsonSchema = {
  type?: string | string[]
  properties?: Record<string, JsonSchema>
  required?: string[]
  items?: JsonSchema
  prefixItems?: JsonSchema[]
  enum?: unknown[]
  const?: unknown
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  allOf?: JsonSchema[]
  minimum?: number
  maximum?: number
  format?: string
}

/** A value shaped by the schema, with a mutation now and then. */
export function valueFor(schema: JsonSchema, rnd: Random, depth = 0): unknown {
  if (depth > 5 || rnd.chance(0.06)) return randomValue(rnd, depth)
  if (schema.const !== undefined) return schema.const
  if (schema.enum) return rnd.pick(schema.enum)
  const alternatives = schema.anyOf ?? schema.oneOf
  if (alternatives?.length) return valueFor(rnd.pick(alternatives), rnd, depth + 1)
  if (schema.allOf?.length) return valueFor(schema.allOf[0], rnd, depth + 1)
  const type = Array.isArray(schema.type) ? rnd.pick(schema.type) : schema.type
  switch (type) {
    case 'object': {
      const o: Record<string, unknown> = {}
      for (const [k, s] of Object.entries(schema.properties ?? {})) {
        const required = schema.required?.includes(k)
        if (required ? !rnd.chance(0.05) : rnd.chance(0.5)) o[k] = valueFor(s, rnd, depth + 1)
      }
      if (rnd.chance(0.05)) o.unexpected = randomValue(rnd, depth + 1)
      return o
    }
    case 'array':
      return Array.from({ length: rnd.int(0, 3) }, () => valueFor(schema.items ?? {}, rnd, depth + 1))
    case 'integer': {
      const lo = schema.minimum ?? -1000
      const hi = Math.min(schema.maximum ?? 1000, lo + 1000)
      return rnd.chance(0.8) ? rnd.int(Math.max(lo, -1000), Math.max(Math.max(lo, -1000), hi)) : rnd.pick(NUMBERS)
    }
    case 'number':
      return rnd.chance(0.7) ? Math.round(rnd.next() * 1000) / 10 : rnd.pick(NUMBERS)
    case 'boolean':
      return rnd.chance(0.5)
    case 'string':
      if (schema.format === 'date' || rnd.chance(0.2)) return rnd.pick(['2026-11-23', '2025-01-01', '1997-09-30', '2026-02-30'])
      return rnd.pick(STRINGS)
    case 'null':
      return null
    default:
      return randomValue(rnd, depth)
  }
}
