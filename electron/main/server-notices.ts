/**
 * What Electron says when the app server stops and no page is there to show its banner (the
 * window is not open or still loading): a message box (the main process owns the dialogs),
 * Chinese first. A restart after a stop needs no second box: the first one says it restarts
 * by itself.
 */
import type { ServerNotice } from '../server/supervisor'

export interface NoticeBox {
  type: 'warning' | 'error'
  title: string
  message: string
  detail: string
}

export function noticeBox(n: ServerNotice): NoticeBox | null {
  if (n.kind === 'restarted') return null
  if (n.kind === 'stopped') {
    return {
      type: 'warning',
      title: '常青 Evergreen',
      message: '后台服务意外停止，已自动重启。 (The app server stopped unexpectedly and has been restarted.)',
      detail:
        n.callsFailed > 0
          ? `正在进行的 ${n.callsFailed} 项操作没有保存，请再做一次；之前保存的数据都在。 (${n.callsFailed} step(s) in progress were not saved; please do them again. Everything saved before is intact.)`
          : '之前保存的数据都在。 (Everything saved before is intact.)'
    }
  }
  return {
    type: 'error',
    title: '常青 Evergreen',
    message: '后台服务无法运行。 (The app server cannot run.)',
    detail: n.message
  }
}
