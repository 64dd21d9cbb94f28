/** The edit that takes a conflicting file value (the result page's 采用文件的值). */
import { describe, expect, it } from 'vitest'
import { takePatch, type MemberRow } from '../../../electron/services/imports/member-import'

const row = (birthday: MemberRow['birthday']) => ({ birthday }) as MemberRow

describe('takePatch', () => {
  it('takes a lunar birthday with its calendar, and a solar one as solar', () => {
    expect(takePatch('birthday', '1990-03-05', row({ date: '1990-03-05', lunar: true }))).toEqual({ birthday: '1990-03-05', birthdayLunar: true })
    expect(takePatch('birthday', '1988-07-21', row({ date: '1988-07-21', lunar: false }))).toEqual({ birthday: '1988-07-21', birthdayLunar: false })
  })

  it('offers nothing for a year-less birthday, which the edit form cannot hold', () => {
    expect(takePatch('birthday', '08-15', row({ date: '08-15', lunar: true }))).toBeNull()
  })

  it('turns stored numbers and flags back into the edit channel types', () => {
    expect(takePatch('storedValueFen', 38850, row(null))).toEqual({ storedValueFen: 38850 })
    expect(takePatch('consentSms', 0, row(null))).toEqual({ consentSms: false })
    expect(takePatch('gender', 'f', row(null))).toEqual({ gender: 'f' })
  })

  it('offers nothing the edit channel would refuse or cannot set', () => {
    expect(takePatch('posTier', 'x'.repeat(41), row(null))).toBeNull()
    expect(takePatch('memberAsOf', '2026-11-23', row(null))).toBeNull()
  })
})
