/**
 * Paths a user names (export targets, files to read). They must be absolute, carry an
 * expected extension, and never reach into system folders; reading requires a regular file.
 */
import { statSync } from 'node:fs'
import { extname, isAbsolute, normalize, resolve } from 'node:path'
import { DomainError } from '../../../shared/result'

const SYSTEM = [/^\/(etc|proc|sys|dev|boot|bin|sbin|usr)(\/|$)/, /^[a-z]:\\windows(\\|$)/i]

function checked(path: string, extensions: string[]): string {
  if (path.includes('\0')) throw new DomainError('BAD_INPUT', '路径包含非法字符 (path contains NUL)')
  const full = normalize(resolve(path))
  if (!isAbsolute(path) && path.split(/[\\/]/).includes('..')) {
    throw new DomainError('BAD_INPUT', `路径不能用 .. 跳出当前文件夹 (relative path may not use ..): ${path}`)
  }
  if (SYSTEM.some((r) => r.test(full))) throw new DomainError('BAD_INPUT', `不能使用系统文件夹 (system folders are off limits): ${full}`)
  if (extensions.length && !extensions.includes(extname(full).toLowerCase())) {
    throw new DomainError('BAD_INPUT', `文件类型应为 ${extensions.join(' / ')} (expected ${extensions.join(' or ')}): ${full}`)
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
  let ok = false
  try {
    ok = statSync(full).isFile()
  } catch {
    ok = false
  }
  if (!ok) throw new DomainError('NOT_FOUND', `找不到文件 (file not found): ${full}`)
  return full
}
