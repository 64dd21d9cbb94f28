/** Identities that tie a sale to a person: member card, phone, buyer id, external id. */
export const identityKinds = ['card', 'phone', 'buyer', 'external'] as const
export type IdentityKind = (typeof identityKinds)[number]

export interface Identity {
  kind: IdentityKind
  value: string
}

/** The order in which identities name a customer to the shop (the 'ref' of a customer). */
export const identityPriority: Record<IdentityKind, number> = { card: 0, phone: 1, buyer: 2, external: 3 }
