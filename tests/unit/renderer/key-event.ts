/** A keydown-shaped object for the shortcut rules: no modifier unless given. */
export type Modifiers = Partial<Record<'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey', boolean>>

export const keyEvent = (code: string, mods: Modifiers) => ({
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...mods,
  code
})
