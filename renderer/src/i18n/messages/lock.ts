/** The app lock: the lock screen, the lock button, the settings card, its audit lines. */
export default {
  'zh-CN': {
    lock: {
      title: '常青已锁定',
      lead: '请输入密码继续',
      passcode: '密码',
      unlock: '解锁',
      wrong: '密码不对，请再试一次',
      tooShort: '密码至少 4 个字符',
      wait: '密码错误次数过多，请 {n} 秒后再试',
      note: '忘记密码？有数据库文件的人可以用命令行清除密码（见说明书）。',
      lockNow: '锁定',
      lockNowHint: '立即锁定 (Ctrl+L)',
      settings: {
        title: '密码锁',
        lead: '设置密码后，常青在启动时和一段时间没有操作后会锁定，需要输入密码才能继续。密码只保护界面，不加密电脑上的数据库文件。',
        on: '已设置密码',
        off: '未设置密码',
        current: '当前密码',
        new: '新密码',
        repeat: '再输一次',
        newHint: '4–32 个字符',
        set: '设置密码',
        change: '更改密码',
        clear: '清除密码',
        clearTitle: '清除密码？',
        clearMessage: '清除后，常青启动时和空闲后都不再锁定。',
        idle: '无操作多久后锁定',
        minutes: '{n} 分钟',
        never: '从不',
        lockNow: '立即锁定',
        didSet: '密码已设置；下次启动时需要输入',
        didChange: '密码已更改',
        didClear: '密码已清除',
        didIdle: '已保存锁定时间',
        needCurrent: '请输入当前密码',
        tooShort: '至少 4 个字符',
        tooLong: '最多 32 个字符',
        mismatch: '两次输入的密码不一致'
      }
    },
    backups: {
      actions: {
        'passcode-set': '设置密码',
        'passcode-clear': '清除密码',
        'unlock-failed': '密码错误'
      }
    }
  },
  en: {
    lock: {
      title: 'Evergreen is locked',
      lead: 'Enter the passcode to continue',
      passcode: 'Passcode',
      unlock: 'Unlock',
      wrong: 'Wrong passcode, please try again',
      tooShort: 'At least 4 characters',
      wait: 'Too many wrong passcodes; try again in {n} s',
      note: 'Forgot the passcode? Whoever has the database file can clear it from the command line (see the README).',
      lockNow: 'Lock',
      lockNowHint: 'Lock now (Ctrl+L)',
      settings: {
        title: 'App lock',
        lead: 'With a passcode, Evergreen locks at start and after a while without use, and asks for it to go on. It guards the screen, not the database file on this PC.',
        on: 'Passcode set',
        off: 'No passcode',
        current: 'Current passcode',
        new: 'New passcode',
        repeat: 'Repeat it',
        newHint: '4–32 characters',
        set: 'Set passcode',
        change: 'Change passcode',
        clear: 'Remove passcode',
        clearTitle: 'Remove the passcode?',
        clearMessage: 'Evergreen will no longer lock at start or when idle.',
        idle: 'Lock after no use for',
        minutes: '{n} min',
        never: 'Never',
        lockNow: 'Lock now',
        didSet: 'Passcode set; it will be asked at the next start',
        didChange: 'Passcode changed',
        didClear: 'Passcode removed',
        didIdle: 'Lock time saved',
        needCurrent: 'Enter the current passcode',
        tooShort: 'At least 4 characters',
        tooLong: 'At most 32 characters',
        mismatch: 'The two entries differ'
      }
    },
    backups: {
      actions: {
        'passcode-set': 'Passcode set',
        'passcode-clear': 'Passcode removed',
        'unlock-failed': 'Wrong passcode'
      }
    }
  }
}
