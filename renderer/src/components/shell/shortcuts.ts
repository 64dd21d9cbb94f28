/** Alt+1..8 jumps to the sidebar's sections; the digit row and the number pad both work. */
import { sections } from '@/router'

type KeyLike = Pick<KeyboardEvent, 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'code'>

/** The path an Alt+digit press goes to, or null when the key is not a section shortcut. */
export function sectionPathForKey(e: KeyLike): string | null {
  if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return null
  const match = /^(?:Digit|Numpad)([1-9])$/.exec(e.code)
  if (!match) return null
  return sections[Number(match[1]) - 1]?.path ?? null
}

/** Whether a drag carries files (not text or a link dragged inside the page). */
export function dragHasFiles(e: DragEvent): boolean {
  return Array.from(e.dataTransfer?.types ?? []).includes('Files')
}
