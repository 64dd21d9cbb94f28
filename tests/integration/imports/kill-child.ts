/**
 * Child process for the kill test: imports a file into a database and prints a line at each
 * progress report, so the parent knows the write transaction is under way and can SIGKILL it.
 * Usage: node --import tsx kill-child.ts DB FILE
 */
import { readFileSync } from 'node:fs'
import { openNodeDatabase } from '../../../electron/services/app/open-node-database'
import { csvTable } from '../../../electron/services/imports/table-source'
import { commitImport } from '../../../electron/services/imports/import-pipeline'

const [dbPath, file] = process.argv.slice(2)
const db = openNodeDatabase(dbPath)
const bytes = readFileSync(file)
commitImport(
  db,
  csvTable(bytes),
  { fileName: 'big.csv', fileSize: bytes.length, fileHash: 'x', importedAt: '2026-11-23T10:00:00', options: {} },
  { progress: (phase, done) => process.stdout.write(`${phase} ${done}\n`) }
)
process.stdout.write('finished\n')
