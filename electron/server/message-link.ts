/**
 * The message channel between the app server and its front, whatever carries it: Electron's
 * utilityProcess port (process.parentPort), a Node child process's IPC channel (process.send),
 * or an in-memory pair in tests. Messages are structured-clone data, never functions.
 */
export interface MessageLink {
  send(message: unknown): void
  onMessage(listener: (message: unknown) => void): void
}

/** The server's side of the link to the process that started it. */
export function parentLink(proc: NodeJS.Process = process): MessageLink {
  // Electron's utilityProcess: a MessagePort-like parentPort whose events carry `data`
  const port = (proc as NodeJS.Process & { parentPort?: ElectronParentPort }).parentPort
  if (port) {
    return {
      send: (m) => port.postMessage(m),
      onMessage: (listener) => port.on('message', (e) => listener(e.data))
    }
  }
  if (typeof proc.send === 'function') {
    return {
      send: (m) => void proc.send?.(m),
      onMessage: (listener) => void proc.on('message', listener)
    }
  }
  throw new Error('the app server needs a parent to talk to (utilityProcess.fork or child_process.fork with an IPC channel)')
}

interface ElectronParentPort {
  postMessage(message: unknown): void
  on(event: 'message', listener: (e: { data: unknown }) => void): void
}

/** Two ends wired to each other in memory, answering asynchronously like a real channel (tests). */
export function linkedPair(): [MessageLink, MessageLink] {
  const listeners: [((m: unknown) => void)[], ((m: unknown) => void)[]] = [[], []]
  const end = (mine: number): MessageLink => ({
    send: (m) => {
      const copy = structuredClone(m)
      setImmediate(() => listeners[1 - mine].forEach((l) => l(copy)))
    },
    onMessage: (l) => void listeners[mine].push(l)
  })
  return [end(0), end(1)]
}
