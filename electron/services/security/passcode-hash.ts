/**
 * A passcode is kept only as a salted scrypt hash. Comparing goes through timingSafeEqual so
 * the time a wrong guess takes says nothing about how close it was.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

export interface PasscodeHash {
  algo: 'scrypt'
  N: number
  r: number
  p: number
  /** base64 */
  salt: string
  /** base64 */
  hash: string
}

/** About 0.1 s and 32 MiB per try on a shop PC: cheap once, slow by the million. */
const params = { N: 2 ** 15, r: 8, p: 1 }
const keyLength = 32

function derive(passcode: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    // maxmem above the 128·N·r bytes these parameters need (node's default is exactly 32 MiB)
    scrypt(passcode.normalize('NFC'), salt, keyLength, { ...options, maxmem: 64 * 1024 * 1024 }, (e, key) => (e ? reject(e) : resolve(key)))
  )
}

export async function hashPasscode(passcode: string): Promise<PasscodeHash> {
  const salt = randomBytes(16)
  const key = await derive(passcode, salt, params)
  return { algo: 'scrypt', ...params, salt: salt.toString('base64'), hash: key.toString('base64') }
}

export async function passcodeMatches(stored: PasscodeHash, guess: string): Promise<boolean> {
  const expected = Buffer.from(stored.hash, 'base64')
  const key = await derive(guess, Buffer.from(stored.salt, 'base64'), { N: stored.N, r: stored.r, p: stored.p })
  return key.length === expected.length && timingSafeEqual(key, expected)
}

/** Whether a stored value is a hash this code wrote (anything else reads as "no passcode"). */
export function isPasscodeHash(v: unknown): v is PasscodeHash {
  if (!v || typeof v !== 'object') return false
  const h = v as Record<string, unknown>
  return (
    h.algo === 'scrypt' &&
    [h.N, h.r, h.p].every((n) => Number.isInteger(n) && (n as number) > 0) &&
    typeof h.salt === 'string' &&
    typeof h.hash === 'string' &&
    h.hash.length > 0
  )
}
