/** Every CLI command, by name. */
import type { Command } from '../command'
import { demoCommand } from './demo'
import { statsCommand } from './stats'
import { importCommand } from './import'
import { batchesCommand } from './batches'
import { undoCommand } from './undo'
import { printCommand } from './print'
import { clvCommand } from './clv'
import { callsCommand } from './calls'
import { campaignCommand } from './campaign'
import { backupCommand, backupsCommand, exportAllCommand, importAllCommand, restoreCommand } from './backups'
import { segmentsCommand } from './segments'
import { recallCommand } from './recall'
import { customersCommand } from './customers'
import { passcodeResetCommand } from './passcode'

export const commands: Command[] = [
  demoCommand,
  statsCommand,
  importCommand,
  batchesCommand,
  undoCommand,
  printCommand,
  backupCommand,
  backupsCommand,
  restoreCommand,
  exportAllCommand,
  importAllCommand,
  clvCommand,
  callsCommand,
  campaignCommand,
  segmentsCommand,
  recallCommand,
  customersCommand,
  passcodeResetCommand
]
