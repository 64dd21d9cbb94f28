/**
 * The front's half of the protocol over one running server process: a Dispatch that sends
 * `call`s and resolves on their `reply`, and the system integrations the server may borrow
 * (`sink-call` → the front's PrintSink). What the server sends is parsed before it is trusted.
 */
import type { Dispatch } from '../ipc/dispatcher'
import type { PrintSink } from '../services/printing/print-sink'
import { errorCodes, fail, type ErrorCode, type Fail, type Result } from '../../shared/result'
import { FromServer, type ToServer } from './protocol'
import type { MessageLink } from './message-link'

export interface ClientHandlers {
  ready(pid: number): void
  startupFailed(failure: Fail): void
  event(name: string, payload: unknown): void
}

export interface ServerClient {
  dispatch: Dispatch
  /** answer every call still waiting with `failure` (the process is gone) */
  abandon(failure: Fail): void
  pending(): number
}

export function createServerClient(link: MessageLink, on: ClientHandlers, sink: PrintSink | null, log: (e: unknown) => void = console.error): ServerClient {
  const send = (m: ToServer) => link.send(m)
  const waiting = new Map<number, (r: Result<unknown>) => void>()
  let nextId = 0

  link.onMessage((raw) => {
    const parsed = FromServer.safeParse(raw)
    if (!parsed.success) return log(new Error(`app server sent a message not understood: ${parsed.error.issues[0]?.message}`))
    const m = parsed.data
    switch (m.type) {
      case 'ready':
        return on.ready(m.pid)
      case 'startup-failed':
        return on.startupFailed(fail(asCode(m.code), m.message))
      case 'event':
        return on.event(m.name, m.payload)
      case 'reply': {
        const resolve = waiting.get(m.id)
        waiting.delete(m.id)
        return resolve?.(m.result as Result<unknown>)
      }
      case 'sink-call':
        return void runSink(m.method, m.args).then(
          (value) => send({ type: 'sink-reply', id: m.id, ok: true, value }),
          (e: unknown) => send({ type: 'sink-reply', id: m.id, ok: false, error: e instanceof Error ? e.message : String(e) })
        )
    }
  })

  async function runSink(method: 'print' | 'savePdf' | 'printers', args: unknown[]): Promise<unknown> {
    if (!sink) throw new Error('this front cannot print')
    if (method === 'printers') return sink.printers()
    const html = String(args[0] ?? '')
    if (method === 'savePdf') return sink.savePdf(html, String(args[1] ?? 'cards.pdf'))
    const printer = (args[1] as { printer?: unknown } | undefined)?.printer
    return sink.print(html, { printer: typeof printer === 'string' ? printer : undefined })
  }

  return {
    dispatch: (channel, input) =>
      new Promise((resolve) => {
        const id = nextId++
        waiting.set(id, resolve)
        send({ type: 'call', id, channel, input })
      }),
    abandon(failure) {
      const all = [...waiting.values()]
      waiting.clear()
      all.forEach((resolve) => resolve(failure))
    },
    pending: () => waiting.size
  }
}

function asCode(code: string): ErrorCode {
  return (errorCodes as readonly string[]).includes(code) ? (code as ErrorCode) : 'INTERNAL'
}
