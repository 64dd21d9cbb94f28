/**
 * The way back from a forgotten passcode: remove it with access to the database file (the
 * CLI). No current passcode is asked, because whoever holds the file can read everything in
 * it anyway; the lock never claimed to protect the file. An audit line records it.
 */
import type { Db } from '../../db/driver'
import { recordAudit } from '../audit/audit-log'
import { deletePasscodeHash, readPasscodeHash } from './lock-store'

/** Answers whether there was a passcode to remove. */
export function resetPasscode(db: Db, at: string): boolean {
  if (readPasscodeHash(db) === null) return false
  deletePasscodeHash(db)
  recordAudit(db, at, 'passcode-clear', 'app passcode removed from the command line')
  return true
}
