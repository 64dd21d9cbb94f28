/**
 * The messages between the app server (electron/server/index.ts) and the process in front of
 * it (the Electron main process, or the browser host's HTTP front). Both ends parse what
 * they receive: a message is a boundary like any other.
 *
 * front → server: `call` a contract channel; `sink-reply` answers the server's `sink-call`.
 * server → front: `ready` once the database is open; `reply` to a call; `event` for whoever
 * listens (the supervisor turns its own into notices); `sink-call` asks the front for a system
 * integration only it owns (printing and its dialogs).
 */
import { z } from 'zod'

const Id = z.number().int().nonnegative()

/** The parts of a Fail envelope a reply may carry (shared/result.ts). */
const Envelope = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({
    ok: z.literal(false),
    code: z.string(),
    message: z.string(),
    key: z.string().optional(),
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional()
  })
])

export const sinkMethods = ['print', 'savePdf', 'printers'] as const
export type SinkMethod = (typeof sinkMethods)[number]

export const ToServer = z.discriminatedUnion('type', [
  z.object({ type: z.literal('call'), id: Id, channel: z.string().max(200), input: z.unknown() }),
  z.object({ type: z.literal('sink-reply'), id: Id, ok: z.boolean(), value: z.unknown().optional(), error: z.string().optional() })
])
export type ToServer = z.infer<typeof ToServer>

export const FromServer = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), pid: z.number().int() }),
  z.object({ type: z.literal('startup-failed'), code: z.string(), message: z.string() }),
  z.object({ type: z.literal('reply'), id: Id, result: Envelope }),
  z.object({ type: z.literal('event'), name: z.string(), payload: z.unknown() }),
  z.object({ type: z.literal('sink-call'), id: Id, method: z.enum(sinkMethods), args: z.array(z.unknown()) })
])
export type FromServer = z.infer<typeof FromServer>
