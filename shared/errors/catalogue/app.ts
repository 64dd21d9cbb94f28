/** Refusals of the app itself: the lock gate in front of every call and the database file's version. */
import type { Entry } from './entry'

export const app = {
  appLocked: { code: 'LOCKED', 'zh-CN': '常青已锁定，请先输入密码', en: 'Evergreen is locked; enter the passcode first' },
  dbTooNew: {
    code: 'DB_TOO_NEW',
    'zh-CN': '数据库版本 {found} 比本程序支持的版本 {supported} 新，请升级常青',
    en: 'the database version {found} is newer than this app’s {supported}; update Evergreen'
  }
} as const satisfies Record<string, Entry>
