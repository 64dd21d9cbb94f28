/**
 * The command line over the same services and contract as the UI. Exit codes: 0 done,
 * 1 the command failed (message on stderr, or a JSON error with --json), 2 bad usage.
 */
import { openNodeDatabase } from '../services/app/open-node-database'
import { createAppContext } from '../services/app/app-context'
import { buildHandlers } from '../ipc/handlers'
import { createDispatcher } from '../ipc/dispatcher'
import { DomainError } from '../../shared/result'
import { formatError, isErrorKey, pickErrorLocale } from '../../shared/errors/messages'
import { IsoDate } from '../../shared/schemas/common'
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/ipc-contract'
import { defaultDbPath } from '../db/default-path'
import { parseCommandLine } from './args'
import { createOutput } from './output'
import { commands } from './commands'
import type { CliEnv } from './command'
import { refuse } from '../../shared/errors/refuse'

const common = {
  db: { type: 'string' },
  json: { type: 'boolean' },
  'as-of': { type: 'string' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' }
} as const

export interface CliIo {
  stdout: (s: string) => void
  stderr: (s: string) => void
  env: NodeJS.ProcessEnv
  version: string
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const name = argv[0]
  const command = commands.find((c) => c.name === name)
  if (!command || argv.includes('--help') || argv.includes('-h')) {
    io.stdout(usage() + '\n')
    return command || !name || name === 'help' || argv.includes('--help') ? 0 : 2
  }
  const json = argv.includes('--json')
  const out = createOutput(json, io.stdout)
  let db: ReturnType<typeof openNodeDatabase> | undefined
  try {
    const args = parseCommandLine(argv.slice(1), { ...common, ...command.options })
    const asOf = args.flags['as-of']
    if (asOf !== undefined && !IsoDate.safeParse(asOf).success) {
      throw refuse('cliFlagNeedsDate', { flag: 'as-of', value: String(asOf) })
    }
    const dbPath = typeof args.flags.db === 'string' ? args.flags.db : defaultDbPath(io.env)
    db = openNodeDatabase(dbPath)
    const ctx = createAppContext(db, dbPath, io.version, typeof asOf === 'string' ? asOf : undefined)
    const dispatch = createDispatcher(buildHandlers(ctx), (e) => io.stderr(String(e) + '\n'))
    const env: CliEnv = {
      ctx,
      progress: (m) => io.stderr(m + '\n'),
      locale: pickErrorLocale(langFlag(argv), io.env),
      async call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
        const r = await dispatch(channel, input)
        if (!r.ok) throw new DomainError(r.code, r.message, r.key === undefined ? undefined : { key: r.key, params: r.params ?? {} })
        // the dispatcher answers for every channel at once; the reply is this channel's output
        // (parsed against its schema under tests and with EVERGREEN_CHECK_OUTPUTS=1)
        return r.data as ChannelOutput<C>
      }
    }
    const { data, human } = await command.run(args, env)
    out.result(data, human)
    return 0
  } catch (e) {
    const code = e instanceof DomainError ? e.code : 'INTERNAL'
    // a catalogued refusal speaks the reader's language; any other keeps its bilingual message
    const key = e instanceof DomainError && isErrorKey(e.key) ? e.key : undefined
    const params = (e instanceof DomainError && e.params) || {}
    const locale = pickErrorLocale(langFlag(argv), io.env)
    const message = key ? formatError(key, params, locale) : e instanceof Error ? e.message : String(e)
    if (json) io.stdout(JSON.stringify({ error: key ? { code, key, params, message } : { code, message } }) + '\n')
    io.stderr(`${locale === 'zh-CN' ? '错误' : 'error'} (${code}): ${message}\n`)
    return code === 'BAD_INPUT' ? 2 : 1
  } finally {
    db?.close()
  }
}

/** `--lang X` or `--lang=X`, read by hand: the language is needed even when parsing the rest failed. */
function langFlag(argv: string[]): string | undefined {
  const i = argv.indexOf('--lang')
  if (i >= 0) return argv[i + 1]
  return argv.find((a) => a.startsWith('--lang='))?.slice('--lang='.length)
}

function usage(): string {
  return [
    '常青 Evergreen — command line',
    'usage: npm run cli -- COMMAND [options]   (common: --db PATH, --json, --as-of YYYY-MM-DD, --lang zh-CN|en)',
    '',
    ...commands.map((c) => `  ${c.usage}\n      ${c.summary}`)
  ].join('\n')
}
