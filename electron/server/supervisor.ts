/**
 * Keeps one app server process running for a front (Electron main, browser host): starts it,
 * holds calls until it is ready, and when it dies answers the calls it was working on with a
 * clear failure, says so (a notice for the window) and starts a new one. Nothing is lost by a
 * death: every write is one SQLite transaction, so the unfinished one is simply rolled back.
 * A server that cannot open the database is not restarted (it would fail the same way); one
 * that keeps dying is given up on after `maxRestarts` within a minute.
 */
import type { Dispatch } from '../ipc/dispatcher'
import type { PrintSink } from '../services/printing/print-sink'
import { failFrom, type Fail, type Result } from '../../shared/result'
import { refuse } from '../../shared/errors/refuse'
import type { MessageLink } from './message-link'
import { createServerClient, type ServerClient } from './server-client'
import type { ServerNotice } from '../../shared/server-notice'

export type { ServerNotice }

/** One started server process, whatever started it. */
export interface ServerProcess {
  link: MessageLink
  onExit(listener: (code: number | null) => void): void
  kill(): void
}

export interface SupervisorOptions {
  spawn: () => ServerProcess
  /** the front's printing, lent to the server (Electron only) */
  sink?: PrintSink | null
  notify?: (notice: ServerNotice) => void
  /** each server that says it is ready, by process id (the first and every restarted one) */
  onReady?: (pid: number) => void
  log?: (e: unknown) => void
  /** restarts allowed within a minute before giving up (default 5) */
  maxRestarts?: number
  /** wait before a restart, times the restarts in the last minute (default 200 ms) */
  restartDelayMs?: number
  /** the clock for counting restarts; Date.now by default */
  ms?: () => number
}

export interface Supervisor {
  dispatch: Dispatch
  /** resolves once the (first) server is ready, or rejects when it failed to start */
  ready(): Promise<void>
  /** end the server for good (app quit, host stop) */
  stop(): Promise<void>
  restarts(): number
  /** the running server's process id, once it said it is ready */
  serverPid(): number | null
}

/** What a call gets when the server died under it (its transaction was rolled back): catalogued, so the page says it in its language. */
export const serverDied = (): Fail => failFrom(refuse('serverDied'))
/** What every call gets once the server is given up on. */
export const serverGaveUp = (): Fail => failFrom(refuse('serverGaveUp'))

export function superviseServer(options: SupervisorOptions): Supervisor {
  const log = options.log ?? console.error
  const notify = options.notify ?? (() => {})
  const ms = options.ms ?? (() => Date.now())
  const maxRestarts = options.maxRestarts ?? 5
  const delay = options.restartDelayMs ?? 200
  const held: { channel: string; input: unknown; resolve: (r: Result<unknown>) => void }[] = []
  const readyWaiters: { resolve: () => void; reject: (e: Error) => void }[] = []
  const restartTimes: number[] = []
  let proc: ServerProcess | null = null
  let client: ServerClient | null = null
  let isReady = false
  let everReady = false
  let fatal: Fail | null = null
  let stopping = false
  let restarts = 0
  let exited: (() => void) | null = null
  let pid: number | null = null

  function start(): void {
    isReady = false
    const p = options.spawn()
    proc = p
    const c = createServerClient(
      p.link,
      {
        ready: (readyPid) => {
          if (proc !== p) return
          isReady = true
          pid = readyPid
          options.onReady?.(readyPid)
          if (everReady) notify({ kind: 'restarted', restarts })
          everReady = true
          readyWaiters.splice(0).forEach((w) => w.resolve())
          held.splice(0).forEach((h) => c.dispatch(h.channel, h.input).then(h.resolve))
        },
        startupFailed: (failure) => {
          fatal = failure
          notify({ kind: 'failed', reason: 'startup', code: failure.code, message: failure.message })
          answerHeld(failure)
          p.kill()
        },
        event: () => {}
      },
      options.sink ?? null,
      log
    )
    client = c
    p.onExit((code) => {
      if (proc === p) {
        proc = null
        client = null
        isReady = false
        pid = null
      }
      const callsFailed = c.pending()
      c.abandon(serverDied())
      if (stopping) return exited?.()
      if (fatal) return
      notify({ kind: 'stopped', exitCode: code, callsFailed })
      const now = ms()
      while (restartTimes.length && now - restartTimes[0] > 60_000) restartTimes.shift()
      if (restartTimes.length >= maxRestarts) {
        fatal = serverGaveUp()
        notify({ kind: 'failed', reason: 'gave-up', code: fatal.code, message: fatal.message })
        return answerHeld(fatal)
      }
      restartTimes.push(now)
      restarts++
      setTimeout(() => !stopping && start(), delay * restartTimes.length)
    })
  }

  function answerHeld(failure: Fail): void {
    held.splice(0).forEach((h) => h.resolve(failure))
    readyWaiters.splice(0).forEach((w) => w.reject(new Error(failure.message)))
  }

  start()

  return {
    dispatch(channel, input) {
      if (fatal) return Promise.resolve(fatal)
      if (stopping) return Promise.resolve(serverDied())
      if (isReady && client) return client.dispatch(channel, input)
      return new Promise((resolve) => held.push({ channel, input, resolve }))
    },
    ready: () =>
      isReady ? Promise.resolve() : fatal ? Promise.reject(new Error(fatal.message)) : new Promise((resolve, reject) => readyWaiters.push({ resolve, reject })),
    stop() {
      stopping = true
      answerHeld(serverDied())
      if (!proc) return Promise.resolve()
      const p = proc
      return new Promise<void>((resolve) => {
        exited = resolve
        p.kill()
      })
    },
    restarts: () => restarts,
    serverPid: () => pid
  }
}
