/** Refusals of the app lock: setting, clearing and locking with a passcode. */
import type { Entry } from './entry'

export const security = {
  currentPasscodeRequired: { code: 'BAD_INPUT', 'zh-CN': '需要输入当前密码', en: 'the current passcode is required' },
  passcodeThrottled: {
    code: 'FORBIDDEN',
    'zh-CN': '密码错误次数过多，请 {seconds} 秒后再试',
    en: 'too many wrong passcodes; try again in {seconds} s'
  },
  currentPasscodeWrong: { code: 'FORBIDDEN', 'zh-CN': '当前密码不对', en: 'the current passcode is wrong' },
  noPasscodeSet: { code: 'CONFLICT', 'zh-CN': '没有设置密码', en: 'no passcode is set' },
  lockNeedsPasscode: { code: 'CONFLICT', 'zh-CN': '请先在设置中设置密码', en: 'set a passcode in Settings first' }
} as const satisfies Record<string, Entry>
