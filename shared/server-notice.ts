/**
 * What the front (Electron's main process, the browser host) tells the page about its app
 * server: it stopped (and how many calls in progress were lost), it is back, or it cannot run.
 * The page receives these as events, not as contract replies: the server itself cannot say it
 * died. Parsed on arrival over HTTP, like any reply from outside the page.
 */
import { z } from 'zod'

export const ServerNotice = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('stopped'), exitCode: z.number().int().nullable(), callsFailed: z.number().int().nonnegative() }),
  z.object({ kind: z.literal('restarted'), restarts: z.number().int().nonnegative() }),
  /** `startup`: the database could not be opened; `gave-up`: it kept dying and is not restarted */
  z.object({ kind: z.literal('failed'), reason: z.enum(['startup', 'gave-up']), code: z.string(), message: z.string() })
])
export type ServerNotice = z.infer<typeof ServerNotice>

/** The browser host's answer on POST /notices: notices after the one the page last saw. */
export const NoticeBatch = z.object({
  /** the last notice's number (0 before any), to ask for what comes after */
  seq: z.number().int().nonnegative(),
  notices: z.array(ServerNotice)
})
export type NoticeBatch = z.infer<typeof NoticeBatch>

/** The Electron channel main sends notices on (webContents.send → preload). */
export const SERVER_NOTICE_EVENT = 'server:notice'
