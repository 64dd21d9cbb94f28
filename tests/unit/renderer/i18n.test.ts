import { describe, expect, it } from 'vitest'
import { mergeMessageFiles, mergeTrees } from '../../../renderer/src/i18n'

type Tree = { [key: string]: string | Tree }
const files = import.meta.glob<{ default: Record<string, Tree> }>('../../../renderer/src/i18n/messages/*.ts', { eager: true })

function leaves(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : leaves(v, `${prefix}${k}.`)))
}

describe('i18n messages', () => {
  it('merges feature files key by key into one tree per locale', () => {
    const merged = mergeMessageFiles([
      { default: { 'zh-CN': { nav: { overview: '概览' } }, en: { nav: { overview: 'Overview' } } } },
      { default: { 'zh-CN': { nav: { import: '导入' }, imports: { title: '导入' } } } }
    ])
    expect(merged['zh-CN']).toEqual({ nav: { overview: '概览', import: '导入' }, imports: { title: '导入' } })
    expect(merged.en).toEqual({ nav: { overview: 'Overview' } })
  })

  it('lets a later leaf win without losing its siblings', () => {
    expect(mergeTrees({ a: { b: '1', c: '2' } }, { a: { c: '3' } })).toEqual({ a: { b: '1', c: '3' } })
  })

  it('defines every message in one file only (a second file’s leaf would silently replace the first)', () => {
    const seen = new Map<string, string>()
    const twice: string[] = []
    for (const [path, file] of Object.entries(files))
      for (const [locale, tree] of Object.entries(file.default))
        for (const key of leaves(tree)) {
          const other = seen.get(`${locale}:${key}`)
          if (other) twice.push(`${locale} ${key}: ${other} and ${path}`)
          else seen.set(`${locale}:${key}`, path)
        }
    expect(twice).toEqual([])
  })

  it.each(Object.keys(files))('%s has the same keys in Chinese and English', (path) => {
    const file = files[path].default
    expect(leaves(file.en ?? {}).sort()).toEqual(leaves(file['zh-CN'] ?? {}).sort())
  })
})
