/**
 * Thousands of random and schema-shaped inputs at every contract channel: the dispatcher
 * must always answer an envelope (never throw, never hang), schema-shaped inputs must reach every
 * handler, a refused call must leave the database exactly as it was, and the file must stay sound.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { channels, contract } from '../../../shared/ipc-contract'
import { errorCodes } from '../../../shared/result'
import { openNodeDatabase } from '../../../electron/services/app/open-node-database'
import { createAppContext } from '../../../electron/services/app/app-context'
import { copyOfDemoShop } from '../../helpers/imported-shops'
import { readFigures } from '../../../electron/services/backups/backup-figures'
import { Random } from '../../../electron/services/demo/random'
import { testDispatch } from '../../helpers/db'
import { valueFor } from '../../helpers/fuzz-values'

const INPUTS_PER_CHANNEL = Number(process.env.EVERGREEN_FUZZ_INPUTS ?? 60)

/**
 * Channels for which none of the generated inputs passes the input schema: their schemas check
 * what a JSON schema cannot say (refinements and transforms such as a segment rule or a print
 * template), so the generator never hits them. Their handlers are reached by their own
 * integration tests. The list is checked both ways: a channel that starts or stops receiving
 * shaped inputs has to be moved.
 */
const UNSHAPED = new Set(['customers.merge', 'printing.renderStart', 'printing.saveTemplate', 'segments.count', 'segments.create', 'segments.recallExport'])
const home = process.cwd()
let dir = ''

beforeAll(() => {
  // any file a channel writes from a relative path lands in this folder, not the project
  dir = mkdtempSync(join(tmpdir(), 'eg-fuzz-'))
  process.chdir(dir)
})
afterAll(() => {
  process.chdir(home)
  rmSync(dir, { recursive: true, force: true })
})

describe('fuzzing every IPC channel', () => {
  it.each(channels.map((c) => [c]))('answers %s with an envelope and no partial write', async (channel) => {
    const dbPath = join(dir, `${channel}.db`)
    // a small demo shop imported from its export files (once; each channel gets its own copy)
    const db = openNodeDatabase(await copyOfDemoShop(25, 11, '2026-11-23', dbPath))
    const dispatch = testDispatch(createAppContext(db, dbPath, 'fuzz', '2026-11-23'))
    const schema = z.toJSONSchema(contract[channel].input, { io: 'input', unrepresentable: 'any' }) as object
    const rnd = new Random(channel.length * 7919 + channel.charCodeAt(0))
    // inputs the channel's own schema accepts: these reach the handler, whose reply the
    // dispatcher checks against the output schema under vitest, so "ok" means a well-formed answer
    let reached = 0
    for (let i = 0; i < INPUTS_PER_CHANNEL; i++) {
      const input = valueFor(schema, rnd)
      const before = readFigures(db)
      const r = await dispatch(channel, input)
      if (contract[channel].input.safeParse(input ?? {}).success) reached++
      expect(typeof r.ok, JSON.stringify(input).slice(0, 200)).toBe('boolean')
      if (!r.ok) {
        expect(errorCodes).toContain(r.code)
        expect(r.code, `${channel} ${JSON.stringify(input).slice(0, 200)} → ${r.message}`).not.toBe('INTERNAL')
        expect(readFigures(db), `partial write by refused ${channel}`).toEqual(before)
      }
    }
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(db.pragma('foreign_key_check')).toEqual([])
    if (UNSHAPED.has(channel)) expect(reached, `${channel} now receives shaped inputs: take it off UNSHAPED`).toBe(0)
    else expect(reached, `no schema-shaped input of ${channel} reached its handler`).toBeGreaterThan(0)
    db.close()
  })
})
