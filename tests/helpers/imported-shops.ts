/**
 * Shops made the way a real shop makes one: export files run through the importer. The demo
 * shop is its files (member list, counter CSV, online .xlsx) imported by importDemoShop; the
 * journey shop is the hand-made files of tests/fixtures/journey. Nothing here writes rows
 * into tables.
 *
 * Importing a demo shop takes seconds, so each (customers, seed, as-of) is imported once per
 * test process into a file, and every caller gets its own copy of that file.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Db } from '../../electron/db/driver'
import { openNodeDatabase } from '../../electron/services/app/open-node-database'
import { importDemoShop } from '../../electron/services/demo/demo-import'
import { runImport } from '../../electron/services/imports/import-service'
import type { ImportResult } from '../../shared/schemas/imports'
import { fileMembers, fileOnlineSales, filePosSales, journeyFile, personOf } from '../integration/journey/journey-files'

export const DEMO_AS_OF = '2026-11-23'

let folder = ''
let copies = 0
/** one folder per test process, removed when it exits */
function scratch(): string {
  if (!folder) {
    folder = mkdtempSync(join(tmpdir(), 'evergreen-test-shops-'))
    process.on('exit', () => rmSync(folder, { recursive: true, force: true }))
  }
  return folder
}

const built = new Map<string, Promise<string>>()

/** The path of a demo shop imported once in this process (never open it for writing: copy it). */
export function demoShopFile(customers: number, seed: number, asOf = DEMO_AS_OF): Promise<string> {
  const key = `${customers}-${seed}-${asOf}`
  let path = built.get(key)
  if (!path) {
    path = (async () => {
      const file = join(scratch(), `demo-${key}.db`)
      const db = openNodeDatabase(file)
      await importDemoShop(db, { customers, seed, asOf, importedAt: `${asOf}T09:00:00` })
      db.close()
      return file
    })()
    built.set(key, path)
  }
  return path
}

/** Copy a built shop to a file of its own and answer that path. */
export async function copyOfDemoShop(customers: number, seed: number, asOf = DEMO_AS_OF, to?: string): Promise<string> {
  const target = to ?? join(scratch(), `copy-${++copies}.db`)
  copyFileSync(await demoShopFile(customers, seed, asOf), target)
  return target
}

/** A database of its own holding the demo shop imported from its files. */
export async function importedDemoShop(customers: number, seed: number, asOf = DEMO_AS_OF): Promise<Db> {
  return openNodeDatabase(await copyOfDemoShop(customers, seed, asOf))
}

/** Import files one after another, each as its own batch, as staff drop them on the import page. */
export async function importFiles(db: Db, paths: readonly string[], importedAt = `${DEMO_AS_OF}T09:00:00`): Promise<ImportResult[]> {
  const results: ImportResult[] = []
  for (const path of paths) results.push(await runImport(db, { file: { path }, options: {}, importedAt, backup: null }))
  return results
}

/** The journey's files (tests/fixtures/journey), in the order a new shop imports them. */
export const JOURNEY_FILES = ['members.csv', 'products.csv', 'pos-2026-09.csv', 'taobao-2026-09.csv', 'pos-2026-10.csv']

/** How many customers those files name, read from the files themselves: every member, and every buyer who is none. */
export function journeyPeople(): number {
  const members = fileMembers()
  const sales = [...filePosSales('pos-2026-09.csv'), ...fileOnlineSales('taobao-2026-09.csv'), ...filePosSales('pos-2026-10.csv')]
  return new Set([...members.map((m) => m.card), ...sales.map((s) => personOf(s, members))]).size
}

let journey: Promise<string> | null = null

/** A copy of the journey shop (its five files imported once in this process) at `to`, or in the scratch folder. */
export async function copyOfJourneyShop(to?: string): Promise<string> {
  journey ??= (async () => {
    const file = join(scratch(), 'journey.db')
    const db = openNodeDatabase(file)
    await importFiles(
      db,
      JOURNEY_FILES.map((f) => journeyFile(f)),
      '2026-11-01T09:00:00'
    )
    db.close()
    return file
  })()
  const target = to ?? join(scratch(), `copy-${++copies}.db`)
  copyFileSync(await journey, target)
  return target
}
