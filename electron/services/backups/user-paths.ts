/**
 * Paths a user names (export targets, files to read). They must be absolute, carry an
 * expected extension, and never reach into system folders; reading requires a regular file.
 */
import { statSync } from 'node:fs'
import { extname, isAbsolute, normalize, resolve } from 'node:path'
import { refuse } from '../../../shared/errors/refuse'

const SYSTEM = [/^\/(etc|proc|sys|dev|boot|bin|sbin|usr)(\/|$)/, /^[a-z]:\\windows(\\|$)/i]

function checked(path: string, extensions: string[]): string {
  if (path.includes('\0')) throw refuse('pathHasNul')
  const full = normalize(resolve(path))
  if (!isAbsolute(path) && path.split(/[\\/]/).includes('..')) {
    throw refuse('pathEscapes', { path })
  }
  if (SYSTEM.some((r) => r.test(full))) throw refuse('systemFolder', { path: full })
  if (extensions.length && !extensions.includes(extname(full).toLowerCase())) {
    throw refuse('wrongFileType', { extensions: extensions.join(' / '), path: full })
  }
  return full
}

/** A file we are about to write. */
export function checkedWritePath(path: string, extensions: string[]): string {
  return checked(path, extensions)
}

/** A file we are about to read: it must exist and be a regular file. */
export function checkedReadPath(path: string, extensions: string[]): string {
  const full = checked(path, extensions)
  let ok: boolean
  try {
    ok = statSync(full).isFile()
  } catch {
    ok = false
  }
  if (!ok) throw refuse('fileNotFound', { path: full })
  return full
}
