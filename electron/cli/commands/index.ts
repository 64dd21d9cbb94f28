/** Every CLI command, by name. */
import type { Command } from '../command'
import { demoCommand } from './demo'
import { statsCommand } from './stats'

export const commands: Command[] = [demoCommand, statsCommand]
