/** Surnames drawn by their real frequency (resources/demo/surnames.json), so a demo member list looks like a real one. */
import surnames from '../../../resources/demo/surnames.json'
import type { Random } from './random'

const WEIGHTED = Object.entries(surnames.perMille as Record<string, number>)

export function drawSurname(rnd: Random): string {
  return rnd.weighted(WEIGHTED, ([, perMille]) => perMille)[0]
}
