/** The refusals services give (shared/errors), under `errors.<key>`: the very tables the CLI prints. */
import { errorMessages } from '@shared/errors/messages'

export default {
  'zh-CN': { errors: errorMessages['zh-CN'] },
  en: { errors: errorMessages.en }
}
