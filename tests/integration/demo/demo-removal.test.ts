/**
 * Removing the demo from a shop that has since imported its own files: what is left is exactly
 * the shop's own files, as if the demo had never been loaded — the same customers with the same
 * identities, orders, lines, money and summaries as the shop's files imported alone.
 */
import { describe, expect, it } from 'vitest'
import type { Db } from '../../../electron/db/driver'
import { openNodeDatabase } from '../../../electron/services/app/open-node-database'
import { demoRemovalSteps, removeDemoShop } from '../../../electron/services/demo/demo-removal'
import { readDemoRecord } from '../../../electron/services/demo/demo-record'
import { JOURNEY_FILES, copyOfJourneyShop, importFiles, importedDemoShop, journeyPeople } from '../../helpers/imported-shops'
import { journeyFile } from '../journey/journey-files'
import { JobRegistry } from '../../../electron/services/jobs/job-registry'
import { startDemoRemoveJob } from '../../../electron/services/jobs/demo-remove-job'
import { listBackups } from '../../../electron/services/backups/online-backup'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** The shop's figures, by person (a customer is named by their identities, ids differ between files). */
function figures(db: Db) {
  const count = (sql: string) => db.prepare(sql).pluck().get() as number
  return {
    customers: count('SELECT count(*) FROM customers'),
    orders: count('SELECT count(*) FROM orders'),
    lines: count('SELECT count(*) FROM order_lines'),
    revenueFen: count('SELECT coalesce(sum(amount_fen), 0) FROM order_lines'),
    products: count('SELECT count(*) FROM products'),
    people: db
      .prepare(
        `SELECT (SELECT group_concat(kind || ':' || value, ' ') FROM (SELECT kind, value FROM customer_identities i WHERE i.customer_id = c.id ORDER BY kind, value)) AS who,
                c.name, c.birthday, c.address, s.orders, s.spend_fen, s.first_purchase, s.last_purchase,
                (SELECT group_concat(tag, ' ') FROM (SELECT tag FROM customer_tags t WHERE t.customer_id = c.id ORDER BY tag)) AS tags,
                (SELECT count(*) FROM customer_children k WHERE k.customer_id = c.id) AS children
         FROM customers c LEFT JOIN customer_summaries s ON s.customer_id = c.id ORDER BY who, c.name`
      )
      .all()
  }
}

async function journeyAlone() {
  const db = openNodeDatabase(await copyOfJourneyShop())
  const f = figures(db)
  db.close()
  return f
}

/** The demo shop loaded first, then the shop's own five files imported on top of it. */
async function demoThenJourney(): Promise<{ db: Db; demoBatches: number[] }> {
  const db = await importedDemoShop(300, 3)
  const demoBatches = readDemoRecord(db)!.batches
  await importFiles(
    db,
    JOURNEY_FILES.map((f) => journeyFile(f)),
    '2026-11-01T09:00:00'
  )
  return { db, demoBatches }
}

describe('removing the demo from a shop that imported its own files after it', () => {
  it('leaves exactly the shop’s own customers, orders, lines and money', async () => {
    const alone = await journeyAlone()
    expect(alone.customers).toBe(journeyPeople())
    const { db, demoBatches } = await demoThenJourney()
    expect(db.prepare('SELECT count(*) FROM customers').pluck().get()).toBe(300 + journeyPeople())

    const removed = removeDemoShop(db, '2026-11-24T09:00:00')
    expect(removed).toEqual({ batchesUndone: [...demoBatches].reverse(), customers: journeyPeople(), orders: alone.orders })
    expect(figures(db)).toEqual(alone)
    expect(readDemoRecord(db)).toBeNull()
    db.close()
  })

  it('undoes one whole batch a step, so a removal stopped between steps is finished by removing again', async () => {
    const alone = await journeyAlone()
    const { db, demoBatches } = await demoThenJourney()
    const steps = demoRemovalSteps(db, '2026-11-24T09:00:00')
    const first = steps.next()
    expect(first.value).toEqual({ step: 1, steps: demoBatches.length, batchId: demoBatches.at(-1), file: '会员资料.xlsx' })
    // stopped here: the member list is undone whole, the sales batches are all still there
    const undone = db.prepare('SELECT id FROM import_batches WHERE undone_at IS NOT NULL ORDER BY id').pluck().all()
    expect(undone).toEqual([demoBatches.at(-1)])
    expect(readDemoRecord(db)!.batches).toEqual(demoBatches)
    expect(db.prepare('SELECT count(*) FROM customers').pluck().get()).toBe(300 + journeyPeople())

    const rest = removeDemoShop(db, '2026-11-24T09:05:00')
    expect(rest.batchesUndone).toEqual([...demoBatches].reverse().slice(1))
    expect(figures(db)).toEqual(alone)
    db.close()
  })

  it('runs as a job: a backup, then a batch a step with its file in words, ending with the call’s own answer', async () => {
    const alone = await journeyAlone()
    const { db, demoBatches } = await demoThenJourney()
    const folder = mkdtempSync(join(tmpdir(), 'evergreen-demo-job-'))
    const jobs = new JobRegistry()
    const seen: { done: number; total: number; zh: string | undefined }[] = []
    let audited: unknown = null
    const { jobId } = startDemoRemoveJob(jobs, {
      db,
      backupFolder: folder,
      undoneAt: '2026-11-24T09:00:00',
      onDone: (r) => (audited = r),
      between: async () => {
        const p = jobs.progress(jobId)
        seen.push({ done: p.done, total: p.total, zh: p.phase?.zh })
      }
    })
    // answered before any of the work: nothing is undone yet
    expect(db.prepare('SELECT count(*) FROM import_batches WHERE undone_at IS NOT NULL').pluck().get()).toBe(0)
    const end = await jobs.wait(jobId)
    expect(end.state).toBe('done')
    const result = { batchesUndone: [...demoBatches].reverse(), customers: journeyPeople(), orders: alone.orders }
    expect(end.result).toEqual(result)
    expect(audited).toEqual(result)
    expect(seen.map((s) => [s.done, s.total])).toEqual(demoBatches.map((_, i) => [i + 1, demoBatches.length]))
    expect(seen[0].zh).toBe(`已移除示例文件「会员资料.xlsx」（第 1/${demoBatches.length} 批）`)
    expect(listBackups(folder).map((b) => b.reason)).toEqual(['before-undo'])
    expect(figures(db)).toEqual(alone)
    db.close()
  })

  it('stops between batches when cancelled, leaving the rest named, and removing again finishes', async () => {
    const alone = await journeyAlone()
    const { db, demoBatches } = await demoThenJourney()
    const jobs = new JobRegistry()
    const { jobId } = startDemoRemoveJob(jobs, {
      db,
      backupFolder: null,
      undoneAt: '2026-11-24T09:00:00',
      between: async (step) => {
        if (step.step === 1) jobs.cancel(jobId)
      }
    })
    const end = await jobs.wait(jobId)
    expect(end.state).toBe('cancelled')
    expect(end.result).toBeNull()
    expect(db.prepare('SELECT id FROM import_batches WHERE undone_at IS NOT NULL').pluck().all()).toEqual([demoBatches.at(-1)])
    expect(readDemoRecord(db)!.batches).toEqual(demoBatches)
    const rest = removeDemoShop(db, '2026-11-24T09:05:00')
    expect(rest.batchesUndone).toEqual([...demoBatches].reverse().slice(1))
    expect(figures(db)).toEqual(alone)
    db.close()
  })

  it('fails alone with its message when there is no demo to remove', async () => {
    const db = openNodeDatabase(await copyOfJourneyShop())
    const jobs = new JobRegistry()
    const end = await jobs.wait(startDemoRemoveJob(jobs, { db, backupFolder: null, undoneAt: '2026-11-24T09:00:00' }).jobId)
    expect(end.state).toBe('failed')
    expect(end.error?.key).toBe('noDemoLoaded')
    db.close()
  })
})
