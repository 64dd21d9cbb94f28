/** Refusals of the app itself: the lock gate in front of every call, the database file's version, the app server gone. */
import type { Entry } from './entry'

export const app = {
  appLocked: { code: 'LOCKED', 'zh-CN': '常青已锁定，请先输入密码', en: 'Evergreen is locked; enter the passcode first' },
  jobNotFound: { code: 'NOT_FOUND', 'zh-CN': '没有这个任务，可能已经结束很久了：{id}', en: 'no job {id}; it may have ended long ago' },
  dbTooNew: {
    code: 'DB_TOO_NEW',
    'zh-CN': '数据库版本 {found} 比本程序支持的版本 {supported} 新，请升级常青',
    en: 'the database version {found} is newer than this app’s {supported}; update Evergreen'
  },
  /** a call the app server was working on when it died (electron/server/supervisor.ts) */
  serverDied: {
    code: 'INTERNAL',
    'zh-CN': '后台服务意外停止，已自动重启；这一步没有保存，请再试一次',
    en: 'the app server stopped unexpectedly and was restarted; this step was not saved, please try again'
  },
  serverGaveUp: {
    code: 'INTERNAL',
    'zh-CN': '后台服务反复停止，已不再重启；请关闭常青后重新打开',
    en: 'the app server keeps stopping and is no longer restarted; close Evergreen and open it again'
  }
} as const satisfies Record<string, Entry>
