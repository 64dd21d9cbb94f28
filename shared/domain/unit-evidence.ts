/**
 * When the shop's repeat buyers speak against the days-per-unit table (the rule is applied in
 * electron/services/reminders/unit-rules.ts; the settings page states it with these numbers).
 */

/** Repeat buyers the shop's evidence needs before it replaces a shipped default or questions the table. */
export const EVIDENCE_BUYERS = 20
/** Learned ÷ table within [AGREE_LOW, AGREE_HIGH] counts as agreeing. */
export const AGREE_LOW = 0.67
export const AGREE_HIGH = 1.5
