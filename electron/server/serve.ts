/**
 * The server's half of the protocol: answer every `call` through the dispatcher, and lend the
 * front's system integrations (printing) to the services as a PrintSink whose methods travel
 * over the link. Calls are not queued behind each other, exactly as they were in one process.
 */
import type { Dispatch } from '../ipc/dispatcher'
import type { PrintSink } from '../services/printing/print-sink'
import { fail } from '../../shared/result'
import { ToServer, type FromServer, type SinkMethod } from './protocol'
import type { MessageLink } from './message-link'

export interface Served {
  /** a PrintSink that asks the front (only Electron's main process can print) */
  remoteSink: PrintSink
  /** tell the front something happened */
  emit(name: string, payload: unknown): void
}

export function serveOnLink(link: MessageLink, dispatch: Dispatch, log: (e: unknown) => void = console.error): Served {
  const send = (m: FromServer) => link.send(m)
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>()
  let nextSinkId = 0

  link.onMessage((raw) => {
    const parsed = ToServer.safeParse(raw)
    if (!parsed.success) return log(new Error(`app server: message not understood: ${parsed.error.issues[0]?.message}`))
    const m = parsed.data
    if (m.type === 'call') {
      dispatch(m.channel, m.input).then(
        (result) => send({ type: 'reply', id: m.id, result }),
        // the dispatcher answers every failure itself; this is for a reply that cannot be sent
        (e: unknown) => send({ type: 'reply', id: m.id, result: fail('INTERNAL', e instanceof Error ? e.message : String(e)) })
      )
      return
    }
    const w = waiting.get(m.id)
    if (!w) return
    waiting.delete(m.id)
    if (m.ok) w.resolve(m.value)
    else w.reject(new Error(m.error ?? 'the front could not do it'))
  })

  const ask = <T>(method: SinkMethod, args: unknown[]): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = nextSinkId++
      waiting.set(id, { resolve: resolve as (v: unknown) => void, reject })
      send({ type: 'sink-call', id, method, args })
    })

  return {
    remoteSink: {
      print: (html, options) => ask<boolean>('print', [html, options]),
      savePdf: (html, suggestedName) => ask<string | null>('savePdf', [html, suggestedName]),
      printers: () => ask<string[]>('printers', [])
    },
    emit: (name, payload) => send({ type: 'event', name, payload })
  }
}
