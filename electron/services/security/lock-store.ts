/**
 * Where the lock keeps its two values: rows in the settings table under keys that are not
 * settings. readSettings only reads the keys it knows and settings.update accepts only those,
 * so neither channel can read or write these rows.
 */
import type { Db } from '../../db/driver'
import { defaultIdleMinutes, IdleMinutes } from '../../../shared/schemas/lock'
import { isPasscodeHash, type PasscodeHash } from './passcode-hash'

/** Every key the lock keeps starts with this (a restore leaves those rows as they are). */
export const LOCK_KEY_PREFIX = 'lock.'
const passcodeKey = `${LOCK_KEY_PREFIX}passcode`
const idleKey = `${LOCK_KEY_PREFIX}idleMinutes`

function readJson(db: Db, key: string): unknown {
  const raw = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined
  if (raw === undefined) return undefined
  try {
    return JSON.parse(raw)
  } catch {
    return undefined
  }
}

function writeJson(db: Db, key: string, value: unknown): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(value))
}

/**
 * The stored hash, or null. A damaged value reads as no passcode rather than as one nobody
 * can ever match: whoever could damage the row could as well have deleted it.
 */
export function readPasscodeHash(db: Db): PasscodeHash | null {
  const v = readJson(db, passcodeKey)
  return isPasscodeHash(v) ? v : null
}

export function writePasscodeHash(db: Db, hash: PasscodeHash): void {
  writeJson(db, passcodeKey, hash)
}

export function deletePasscodeHash(db: Db): void {
  db.prepare('DELETE FROM settings WHERE key = ?').run(passcodeKey)
}

export function readIdleMinutes(db: Db): number {
  const parsed = IdleMinutes.safeParse(readJson(db, idleKey))
  return parsed.success ? parsed.data : defaultIdleMinutes
}

export function writeIdleMinutes(db: Db, minutes: number): void {
  writeJson(db, idleKey, minutes)
}
