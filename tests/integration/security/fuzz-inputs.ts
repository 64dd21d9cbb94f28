/**
 * Files to throw at the importer: random bytes, and the real-shaped fixtures (GBK with title
 * and totals rows, UTF-16 with and without a BOM, semicolons with decimal commas, Shopify,
 * Square, Tmall, UCI Online Retail, CDNOW, an xlsx) mutated at the text, byte and zip level.
 * Input i of seed s is the same file on every machine: each input draws from its own
 * generator seeded by (s, i), so one failing input can be rebuilt alone.
 * Shared by the fuzz test (a bounded budget) and the robustness benchmark (a large one).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate'
import iconv from 'iconv-lite'
import { Random } from '../../../electron/services/demo/random'
import type { ImportOptions } from '../../../shared/schemas/imports'

type TextEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le-bom' | 'utf-16be'

export interface SeedFile {
  name: string
  /** text seeds: the decoded text and the encoding the file came in */
  text?: string
  encoding?: TextEncoding
  /** xlsx seeds: the zip entries */
  entries?: Record<string, Uint8Array>
}

export interface FuzzInput {
  /** what was done to make it, for the failure message */
  label: string
  name: string
  bytes: Uint8Array
  options: ImportOptions
}

const fixtures = join(__dirname, '../../fixtures')
/** The import the fuzzed database holds before the first input. */
export const goodImportFile = join(fixtures, 'imports/gbk-title-totals.csv')

/** How each text fixture is encoded (known from make-fixtures.ts and the fixture README). */
const TEXT_SEEDS: [string, TextEncoding][] = [
  ['imports/gbk-title-totals.csv', 'gb18030'],
  ['imports/utf16le-bom-tabs.txt', 'utf-16le-bom'],
  ['imports/utf16be-nobom.csv', 'utf-16be'],
  ['imports/semicolon-decimal-comma.csv', 'utf-8'],
  ['imports/square-transactions-2018.csv', 'utf-8'],
  ['imports/shopify-orders-2025-12.csv', 'utf-8'],
  ['imports/tmall-order-report-slice.csv', 'utf-8'],
  ['imports/online-retail-slice.csv', 'utf-8'],
  ['cdnow/cdnow-sample.csv', 'utf-8']
]
/** Seeds are cut to this many lines: mutations of a 7,000-row file teach nothing a 120-row one does not. */
const SEED_LINES = 120

export function loadSeedFiles(): SeedFile[] {
  const seeds: SeedFile[] = TEXT_SEEDS.map(([path, encoding]) => {
    const bytes = readFileSync(join(fixtures, path))
    const text = decodeText(bytes, encoding)
    return { name: path.split('/')[1], text: text.split('\n').slice(0, SEED_LINES).join('\n'), encoding }
  })
  seeds.push({ name: 'pos-sales.xlsx', entries: unzipSync(readFileSync(join(fixtures, 'imports/pos-sales.xlsx'))) })
  return seeds
}

function decodeText(bytes: Uint8Array, encoding: TextEncoding): string {
  const b = Buffer.from(bytes)
  if (encoding === 'gb18030') return iconv.decode(b, 'gb18030')
  if (encoding === 'utf-16le-bom') return iconv.decode(b, 'utf-16le').replace(/^\ufeff/, '')
  if (encoding === 'utf-16be') return iconv.decode(b, 'utf-16be').replace(/^\ufeff/, '')
  return b.toString('utf8').replace(/^\ufeff/, '')
}

function encodeText(text: string, encoding: TextEncoding): Uint8Array {
  if (encoding === 'gb18030') return iconv.encode(text, 'gb18030')
  if (encoding === 'utf-16le-bom') return iconv.encode('\ufeff' + text, 'utf-16le')
  if (encoding === 'utf-16be') return iconv.encode(text, 'utf-16be')
  return Buffer.from((encoding === 'utf-8-bom' ? '\ufeff' : '') + text, 'utf8')
}

/** Input `index` of the run seeded `seed`. */
export function fuzzInput(seed: number, index: number, seeds: SeedFile[]): FuzzInput {
  // mix seed and index so neighbouring inputs do not share a stream
  const rnd = new Random(Math.imul(seed ^ 0x5bd1e995, 0x01000193) ^ Math.imul(index + 1, 0x9e3779b1))
  const steps: string[] = []
  let bytes: Uint8Array
  let name: string
  const r = rnd.next()
  if (r < 0.12) {
    bytes = randomFile(rnd, steps)
    name = rnd.pick(['random.csv', 'random.xlsx', '随机.txt'])
  } else if (r < 0.3) {
    const seedFile = rnd.pick(seeds.filter((s) => s.entries))
    name = seedFile.name
    steps.push(seedFile.name)
    bytes = mutateXlsx(rnd, seedFile.entries!, steps)
  } else {
    const seedFile = rnd.pick(seeds.filter((s) => s.text !== undefined))
    name = seedFile.name
    steps.push(seedFile.name)
    let text = seedFile.text!
    const textOps = rnd.int(0, 3)
    for (let k = 0; k < textOps; k++) text = mutateText(rnd, text, steps)
    if (rnd.chance(0.12)) {
      // the same rows as a workbook
      steps.push('as-xlsx')
      name = name.replace(/\.\w+$/, '.xlsx')
      bytes = mutateXlsx(rnd, xlsxEntries(csvRows(text)), steps, false)
    } else {
      const encoding = rnd.chance(0.7) ? seedFile.encoding! : rnd.pick<TextEncoding>(['utf-8', 'utf-8-bom', 'gb18030', 'utf-16le-bom', 'utf-16be'])
      if (encoding !== seedFile.encoding) steps.push(`as ${encoding}`)
      bytes = encodeText(text, encoding)
      const byteOps = rnd.chance(0.5) ? rnd.int(1, 3) : 0
      for (let k = 0; k < byteOps; k++) bytes = mutateBytes(rnd, bytes, steps)
    }
  }
  const options = randomOptions(rnd, steps)
  return { label: steps.join(' → '), name, bytes, options }
}

// ---------------------------------------------------------------- random files

function randomFile(rnd: Random, steps: string[]): Uint8Array {
  const kind = rnd.int(0, 6)
  const len = rnd.int(0, rnd.chance(0.2) ? 65_536 : 2048)
  if (kind === 0) {
    steps.push(`random bytes ×${len}`)
    return randomBytes(rnd, len)
  }
  if (kind === 1) {
    // a known magic number and junk behind it
    const magic = rnd.pick([
      [0x50, 0x4b, 0x03, 0x04],
      [0xd0, 0xcf, 0x11, 0xe0],
      [0xef, 0xbb, 0xbf],
      [0xff, 0xfe],
      [0xfe, 0xff],
      [0x1f, 0x8b],
      [0x25, 0x50, 0x44, 0x46]
    ])
    steps.push(`magic ${magic.map((b) => b.toString(16)).join(' ')} + ${len} random bytes`)
    return concat(Uint8Array.from(magic), randomBytes(rnd, len))
  }
  if (kind === 2) {
    const text = rnd.pick(['', ' ', '\n\n\n', '\ufeff', ',,,,\n,,,,', '"', '合计', '\u0000', 'a,b\n1,2', '日期,金额\n2024-01-01,1'])
    steps.push(`tiny ${JSON.stringify(text)}`)
    return Buffer.from(text, 'utf8')
  }
  // text made of the characters sales exports are made of, in random order
  const alphabet = [
    ',',
    ',',
    ';',
    '\t',
    '|',
    '"',
    '""',
    '\n',
    '\r\n',
    '\r',
    ' ',
    '0',
    '1',
    '9',
    '.',
    '-',
    '/',
    ':',
    '¥',
    '合计',
    '金额',
    '日期',
    '手机',
    '会员卡号',
    '2024-03-01',
    '13800138000',
    'VIP001',
    '王芳',
    '\u0000',
    '\ufeff',
    '\ufffd',
    '😀',
    'Total',
    '=1+1'
  ]
  const parts: string[] = []
  let size = 0
  while (size < len) {
    const p = rnd.pick(alphabet)
    parts.push(p)
    size += p.length
  }
  steps.push(`random text ×${size}`)
  return encodeText(parts.join(''), rnd.pick<TextEncoding>(['utf-8', 'gb18030', 'utf-16le-bom']))
}

function randomBytes(rnd: Random, len: number): Uint8Array {
  const out = new Uint8Array(len)
  for (let i = 0; i < len; i++) out[i] = rnd.int(0, 255)
  return out
}

function concat(...parts: Uint8Array[]): Uint8Array {
  return Uint8Array.from(Buffer.concat(parts))
}

// ---------------------------------------------------------------- text mutations

/** Values that have broken importers somewhere: huge, negative, not-a-number, impossible dates, formulas. */
const NASTY_VALUES = [
  '',
  ' ',
  '0',
  '-0',
  '1e308',
  'NaN',
  'Infinity',
  '999999999999999',
  '99999999999999999999',
  '9'.repeat(40),
  '-999999999999999.99',
  '0.005',
  '(1,234.50)',
  '1.234,50',
  '1,2,3',
  '¥-',
  '￥１９８．００',
  '--5',
  '2024-02-30',
  '2024-13-45 25:61:61',
  '0000-00-00',
  '9999-12-31 23:59:59',
  '1900/1/0',
  '45356.585',
  '99999999',
  '31/12/1899',
  '2024年3月1日 上午10点',
  '+86 138-0013-8000',
  '138001380001380013800',
  '000000000000000000000000',
  '合计',
  'Total',
  '交易关闭',
  '=HYPERLINK("x")',
  '\u0000',
  '\u200b\u200e\u202e',
  '\ud800',
  '😀👍🏻',
  'a\nb',
  '"',
  "'",
  '\\',
  '🙂'.repeat(300)
]

function mutateText(rnd: Random, text: string, steps: string[]): string {
  const lines = text.split('\n')
  const delim = [',', '\t', ';', '|'].sort(
    (a, b) => lines[0].split(b).length + (lines[3] ?? '').split(b).length - lines[0].split(a).length - (lines[3] ?? '').split(a).length
  )[0]
  const line = () => rnd.int(0, Math.max(0, lines.length - 1))
  const op = rnd.int(0, 15)
  switch (op) {
    case 0: {
      // the header row again, in the body or on top
      const header = headerLine(lines)
      const copies = rnd.int(1, 4)
      for (let k = 0; k < copies; k++) lines.splice(line(), 0, lines[header])
      steps.push(`header row duplicated ×${copies}`)
      break
    }
    case 1: {
      const size = rnd.pick([1000, 65_535, 65_537, 300_000])
      const filler = rnd.pick(['x', '王', '9', ' ', '""'])
      const at = line()
      const cells = lines[at].split(delim)
      cells[rnd.int(0, cells.length - 1)] = rnd.chance(0.5) ? `"${filler.repeat(size)}"` : filler.repeat(size)
      lines[at] = cells.join(delim)
      steps.push(`enormous field ${filler}×${size} on line ${at + 1}`)
      break
    }
    case 2: {
      const n = rnd.pick([999, 1000, 1001, 4000])
      const at = line()
      lines[at] = rnd.chance(0.5) ? lines[at] + delim.repeat(n) : Array.from({ length: n }, (_, i) => `c${i}`).join(delim)
      steps.push(`${n} columns on line ${at + 1}`)
      break
    }
    case 3: {
      const other = rnd.pick([',', '\t', ';', '|'].filter((d) => d !== delim))
      let changed = 0
      for (let i = 0; i < lines.length; i++) {
        if (rnd.chance(0.3)) {
          lines[i] = lines[i].split(delim).join(other)
          changed++
        }
      }
      steps.push(`${changed} lines delimited by ${JSON.stringify(other)}`)
      break
    }
    case 4: {
      const what = rnd.pick(['"', '"', '""', '\n', '\r', '\r\n', '\u2028', '\u0000', '\ufeff', '\t'])
      const n = rnd.int(1, 5)
      let t = lines.join('\n')
      for (let k = 0; k < n; k++) {
        const at = rnd.int(0, t.length)
        t = t.slice(0, at) + what + t.slice(at)
      }
      steps.push(`${JSON.stringify(what)} inserted ×${n}`)
      return t
    }
    case 5: {
      const n = rnd.int(1, 8)
      for (let k = 0; k < n; k++) {
        const at = rnd.int(1, Math.max(1, lines.length - 1))
        const cells = (lines[at] ?? '').split(delim)
        const v = rnd.pick(NASTY_VALUES)
        cells[rnd.int(0, Math.max(0, cells.length - 1))] = rnd.chance(0.3) ? `"${v.replaceAll('"', '""')}"` : v
        lines[at] = cells.join(delim)
      }
      steps.push(`${n} nasty values`)
      break
    }
    case 6: {
      const n = rnd.int(1, 4)
      for (let k = 0; k < n; k++)
        lines.splice(line(), 0, rnd.pick(['合计' + delim.repeat(5) + '99999', 'Total' + delim + delim + '-1', '总计：', delim.repeat(8), '', '   ']))
      steps.push(`${n} totals/blank rows`)
      break
    }
    case 7: {
      const n = rnd.int(1, 70)
      for (let k = 0; k < n; k++) lines.unshift(rnd.chance(0.5) ? `报表标题 ${k}` : '')
      steps.push(`${n} title rows on top`)
      break
    }
    case 8: {
      // many more rows: the body repeated
      const body = lines.slice(1)
      const times = rnd.int(2, 6)
      for (let k = 0; k < times; k++) lines.push(...body)
      steps.push(`body repeated ×${times + 1}`)
      break
    }
    case 9: {
      for (let i = lines.length - 1; i > 0; i--) {
        const j = rnd.int(0, i)
        ;[lines[i], lines[j]] = [lines[j], lines[i]]
      }
      steps.push('lines shuffled')
      break
    }
    case 10: {
      const t = lines.join('\n')
      const from = rnd.int(0, t.length)
      const to = Math.min(t.length, from + rnd.int(1, 400))
      steps.push(`chars ${from}–${to} deleted`)
      return t.slice(0, from) + t.slice(to)
    }
    case 11: {
      const header = headerLine(lines)
      const cells = lines[header].split(delim)
      const renamed = rnd.int(1, 3)
      for (let k = 0; k < renamed; k++) {
        cells[rnd.int(0, cells.length - 1)] = rnd.pick([
          '日期',
          '金额',
          '手机号',
          '会员卡号',
          '数量',
          '单价',
          '',
          ' ',
          '合计',
          'Date',
          'Amount',
          '订单号',
          '单据号',
          '状态',
          '\u0000',
          'x'.repeat(600)
        ])
      }
      lines[header] = cells.join(delim)
      steps.push(`${renamed} header cells renamed`)
      break
    }
    case 12: {
      // one column shifted: a cell dropped from some rows
      let n = 0
      for (let i = 1; i < lines.length; i++) {
        if (rnd.chance(0.2)) {
          const cells = lines[i].split(delim)
          cells.splice(rnd.int(0, Math.max(0, cells.length - 1)), 1)
          lines[i] = cells.join(delim)
          n++
        }
      }
      steps.push(`a cell dropped from ${n} rows`)
      break
    }
    case 13: {
      const t = lines.join('\n')
      const at = rnd.int(0, t.length)
      steps.push(`cut at char ${at}`)
      return t.slice(0, at)
    }
    case 14: {
      lines.length = 1 + Math.min(lines.length - 1, rnd.int(0, 2))
      steps.push(`only ${lines.length} lines`)
      break
    }
    default: {
      const eol = rnd.pick(['\r\n', '\r', '\n\n'])
      steps.push(`line ends ${JSON.stringify(eol)}`)
      return lines.join(eol)
    }
  }
  return lines.join('\n')
}

/** The widest of the first lines: where the header is in every seed. */
function headerLine(lines: string[]): number {
  let best = 0
  for (let i = 0; i < Math.min(8, lines.length); i++) if (lines[i].length > lines[best].length) best = i
  return best
}

// ---------------------------------------------------------------- byte mutations

const BAD_SEQUENCES = [
  [0x00],
  [0x00, 0x00],
  [0xef, 0xbb, 0xbf],
  [0xff, 0xfe],
  [0xfe, 0xff],
  [0xc0, 0x80],
  [0xff],
  [0x80],
  [0xed, 0xa0, 0x80],
  [0xf4, 0x90, 0x80, 0x80],
  [0xe4, 0xb8],
  [0x81],
  [0x81, 0x30],
  [0xfe, 0x39, 0xfe, 0x39],
  [0x22],
  [0x0a],
  [0x0d]
]

function mutateBytes(rnd: Random, bytes: Uint8Array, steps: string[]): Uint8Array {
  const op = rnd.int(0, 4)
  if (bytes.length === 0) return bytes
  if (op === 0) {
    const out = Uint8Array.from(bytes)
    const n = rnd.int(1, 16)
    for (let k = 0; k < n; k++) out[rnd.int(0, out.length - 1)] ^= rnd.int(1, 255)
    steps.push(`${n} bytes flipped`)
    return out
  }
  if (op === 1) {
    const at = rnd.int(0, bytes.length)
    steps.push(`truncated at byte ${at}`)
    return bytes.slice(0, at)
  }
  if (op === 2) {
    let out = bytes
    const n = rnd.int(1, 6)
    const seq = rnd.pick(BAD_SEQUENCES)
    for (let k = 0; k < n; k++) {
      const at = rnd.chance(0.2) ? 0 : rnd.int(0, out.length)
      out = concat(out.subarray(0, at), Uint8Array.from(seq), out.subarray(at))
    }
    steps.push(`bytes ${seq.map((b) => b.toString(16)).join(' ')} inserted ×${n}`)
    return out
  }
  if (op === 3) {
    const at = rnd.int(0, bytes.length)
    const len = rnd.int(1, 256)
    steps.push(`${len} random bytes at ${at}`)
    return concat(bytes.subarray(0, at), randomBytes(rnd, len), bytes.subarray(at))
  }
  // a span of the file again
  const from = rnd.int(0, bytes.length - 1)
  const to = Math.min(bytes.length, from + rnd.int(1, 2000))
  const at = rnd.int(0, bytes.length)
  steps.push(`bytes ${from}–${to} copied to ${at}`)
  return concat(bytes.subarray(0, at), bytes.subarray(from, to), bytes.subarray(at))
}

// ---------------------------------------------------------------- xlsx

/** Text → rows, the simple way (quotes respected, good enough to build a workbook). */
function csvRows(text: string): string[][] {
  const lines = text.split(/\r\n|\n|\r/)
  const delim = [',', '\t', ';'].sort((a, b) => lines[0].split(b).length - lines[0].split(a).length)[0]
  return lines.map((l) => l.split(delim).map((c) => c.replace(/^"|"$/g, '')))
}

/** Drop what XML 1.0 cannot hold (most control characters, lone surrogates, U+FFFE/U+FFFF), as Excel would. */
function xmlCharsOnly(s: string): string {
  return [...s]
    .filter((ch) => {
      const c = ch.codePointAt(0)!
      return c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && !(c >= 0xd800 && c <= 0xdfff) && c !== 0xfffe && c !== 0xffff)
    })
    .join('')
}
const xmlEscape = (s: string) => s.replace(/[&<>"]/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[c]};`)

function columnName(i: number): string {
  let s = ''
  for (i++; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s
  return s
}

/** A minimal workbook holding these rows as inline strings (numbers as numbers). */
function xlsxEntries(rows: string[][]): Record<string, Uint8Array> {
  const sheet = rows
    .map((cells, r) => {
      const cs = cells
        .map((c, i) => {
          const ref = `${columnName(i)}${r + 1}`
          // XML 1.0 cannot hold most control characters: they are left out, as Excel would
          const clean = xmlCharsOnly(c)
          return /^-?\d+(\.\d+)?$/.test(clean) && clean.length < 16
            ? `<c r="${ref}"><v>${clean}</v></c>`
            : `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xmlEscape(clean)}</t></is></c>`
        })
        .join('')
      return `<row r="${r + 1}">${cs}</row>`
    })
    .join('')
  return {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    ),
    'xl/workbook.xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
    ),
    'xl/worksheets/sheet1.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheet}</sheetData></worksheet>`
    )
  }
}

const SHEET = 'xl/worksheets/sheet1.xml'
const STRINGS = 'xl/sharedStrings.xml'

/** Damage a workbook: its XML, its shared strings, its entries or the zip bytes themselves. */
function mutateXlsx(rnd: Random, entries: Record<string, Uint8Array>, steps: string[], always = true): Uint8Array {
  const files: Record<string, Uint8Array> = { ...entries }
  const ops = always ? rnd.int(1, 2) : rnd.int(0, 2)
  let zipDamage: 'flip' | 'truncate' | null = null
  for (let k = 0; k < ops; k++) {
    const op = rnd.int(0, 8)
    if (op === 0) zipDamage = 'flip'
    else if (op === 1) zipDamage = 'truncate'
    else if (op === 2) {
      // broken XML: cut short, a tag mangled, garbage or an undefined entity inserted
      const xml = strFromU8(files[SHEET])
      const at = rnd.int(0, xml.length)
      const how = rnd.int(0, 3)
      const garbage = rnd.pick(['<', '>', '</row>', '<row>', '&bogus;', '<c r="A1"><v>1', ']]>', '\u0000', '<!-- ', '<?x', '"'])
      files[SHEET] = strToU8(
        how === 0 ? xml.slice(0, at) : how === 1 ? xml.slice(0, at) + xml.slice(at + rnd.int(1, 40)) : xml.slice(0, at) + garbage + xml.slice(at)
      )
      steps.push(['xml cut', 'xml chars deleted', 'xml garbage', 'xml garbage'][how] + ` at ${at}`)
    } else if (op === 3) {
      // a huge shared string, or very many, referenced from the sheet
      const huge = rnd.chance(0.5)
      const strings = huge ? [rnd.pick(['x', '王', ' ']).repeat(rnd.pick([65_537, 1_000_000]))] : Array.from({ length: 20_000 }, (_, i) => `s${i}`)
      const sst = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t>${s}</t></si>`).join('')}</sst>`
      files[STRINGS] = strToU8(sst)
      files[SHEET] = strToU8(
        strFromU8(files[SHEET]).replace(
          /<c r="([A-Z]+)(\d+)"( s="\d+")?( t="\w+")?>(<v>[^<]*<\/v>|<is>.*?<\/is>)<\/c>/,
          `<c r="$1$2" t="s"><v>${strings.length - 1}</v></c>`
        )
      )
      steps.push(huge ? `shared string of ${strings[0].length} chars` : '20,000 shared strings')
    } else if (op === 4) {
      // cells that point nowhere or say impossible things
      const cell = rnd.pick([
        '<c r="B3" t="s"><v>99999</v></c>',
        '<c r="B3" t="s"><v>-1</v></c>',
        '<c r="B3" t="s"><v>abc</v></c>',
        '<c r="XFD3"><v>1</v></c>',
        '<c r="AAA3"><v>1</v></c>',
        '<c r="B3" t="d"><v>not a date</v></c>',
        '<c r="B3" s="1"><v>1e12</v></c>',
        '<c r="B3" s="1"><v>-5</v></c>',
        '<c r="B3"><v>1e400</v></c>',
        '<c r="B3"><v>NaN</v></c>',
        '<c r="B3" t="b"><v>x</v></c>',
        '<c r="B3" t="e"><v>#REF!</v></c>',
        '<c r="B3" t="str"><f>1/0</f><v>#DIV/0!</v></c>',
        '<c><v>7</v></c>',
        '<c r=""><v>7</v></c>'
      ])
      const xml = strFromU8(files[SHEET])
      const rowEnd = xml.indexOf('</row>')
      files[SHEET] = strToU8(rowEnd < 0 ? xml : xml.slice(0, rowEnd) + cell + xml.slice(rowEnd))
      steps.push(`cell ${cell}`)
    } else if (op === 5) {
      const rowNumber = rnd.pick(['0', '-1', '1048576', '1048577', '99999999', '2147483648', 'abc', '1.5'])
      const xml = strFromU8(files[SHEET])
      files[SHEET] = strToU8(xml.replace('</sheetData>', `<row r="${rowNumber}"><c r="A${rowNumber}"><v>1</v></c></row></sheetData>`))
      steps.push(`row r="${rowNumber}"`)
    } else if (op === 6) {
      const names = Object.keys(files).filter((n) => files[n].length > 0)
      const gone = rnd.pick(names)
      delete files[gone]
      steps.push(`entry ${gone} removed`)
    } else if (op === 7) {
      // thousands of columns in one row
      const n = rnd.pick([1001, 5000])
      const cells = Array.from({ length: n }, (_, i) => `<c r="${columnName(i)}2"><v>${i}</v></c>`).join('')
      files[SHEET] = strToU8(strFromU8(files[SHEET]).replace(/<row r="2"[^>]*>.*?<\/row>/, `<row r="2">${cells}</row>`))
      steps.push(`${n} columns in row 2`)
    } else {
      // a cell value of the sheet replaced by a nasty one
      const v = xmlCharsOnly(rnd.pick(NASTY_VALUES))
      files[SHEET] = strToU8(strFromU8(files[SHEET]).replace(/<v>[^<]*<\/v>/, `<v>${xmlEscape(v)}</v>`))
      steps.push(`a value replaced by ${JSON.stringify(v)}`)
    }
  }
  const zipped = zipSync(files as Zippable, { level: rnd.pick([0, 1, 6, 9]) as 0 | 1 | 6 | 9 })
  if (zipDamage === 'flip') {
    const n = rnd.int(1, 12)
    for (let k = 0; k < n; k++) zipped[rnd.int(4, zipped.length - 1)] ^= rnd.int(1, 255)
    steps.push(`${n} zip bytes flipped`)
  } else if (zipDamage === 'truncate') {
    const at = rnd.int(4, zipped.length)
    steps.push(`zip truncated at ${at}/${zipped.length}`)
    return zipped.slice(0, at)
  }
  return zipped
}

// ---------------------------------------------------------------- options

/** Options a user could pick in the preview (all valid by the contract's schema). */
function randomOptions(rnd: Random, steps: string[]): ImportOptions {
  if (rnd.chance(0.75)) return {}
  const options: ImportOptions = {}
  if (rnd.chance(0.3)) options.encoding = rnd.pick(['utf-8', 'utf-16le', 'utf-16be', 'gb18030'] as const)
  if (rnd.chance(0.3)) options.delimiter = rnd.pick([',', '\t', ';', '|'] as const)
  if (rnd.chance(0.3)) options.headerRow = rnd.pick([1, 2, 3, 4, 5, 61, 70, 10_000])
  if (rnd.chance(0.2)) options.dayOrder = rnd.pick(['dmy', 'mdy'] as const)
  if (rnd.chance(0.2)) options.skipTotals = rnd.chance(0.5)
  if (rnd.chance(0.2)) {
    options.mapping = rnd.pick([
      { amount: '金额' },
      { orderedAt: null },
      { amount: null, unitPrice: null },
      { phone: '单据号', card: '单据号' },
      { orderedAt: '商品名称' },
      { amount: '会员姓名' },
      { quantity: '实收金额' },
      { orderedAt: 'no such column' }
    ])
  }
  steps.push(`options ${JSON.stringify(options)}`)
  return options
}
