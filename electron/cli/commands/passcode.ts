import type { Command } from '../command'
import { resetPasscode } from '../../services/security/reset-passcode'

/** Not a contract channel on purpose: the UI can only remove the passcode with the current one. */
export const passcodeResetCommand: Command = {
  name: 'passcode-reset',
  usage: 'passcode-reset --db PATH [--json]',
  summary: '清除忘记的应用密码 / remove a forgotten app passcode (needs the database file)',
  options: {},
  async run(_args, env) {
    const removed = resetPasscode(env.ctx.db, env.ctx.now())
    return { data: { removed }, human: () => (removed ? '已清除应用密码 (passcode removed)' : '没有设置应用密码 (no passcode was set)') }
  }
}
