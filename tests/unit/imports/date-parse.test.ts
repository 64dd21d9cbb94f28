import { describe, expect, it, test } from 'vitest'
import { DayOrderVote, excelSerialToIso, parseDateTime, parseTimeOfDay } from '../../../electron/services/imports/date-parse'

describe('parseDateTime', () => {
  test.each([
    ['2024/3/5 14:03', '2024-03-05T14:03:00'],
    ['2024-03-05 14:03:22', '2024-03-05T14:03:22'],
    ['2024-03-05T14:03:22+08:00', '2024-03-05T14:03:22'],
    ['2025-12-06 10:37:33 -0500', '2025-12-06T10:37:33'],
    ['2024-03-05', '2024-03-05'],
    ['2024年3月5日 14:03', '2024-03-05T14:03:00'],
    ['20240305', '2024-03-05'],
    ['20240305143000', '2024-03-05T14:30:00'],
    ['2024.03.05', '2024-03-05'],
    ['2010-12-01 08:26:00', '2010-12-01T08:26:00'],
    ['12/27/2018', '2018-12-27'],
    ['3/5/2024 2:03 PM', '2024-03-05T14:03:00'],
    ['45356', '2024-03-05'],
    ['45356.5', '2024-03-05T12:00:00'],
    ["'2024-03-05", '2024-03-05'],
    ['２０２４-０３-０５', '2024-03-05']
  ])('reads %j as %s', (raw, iso) => {
    expect(parseDateTime(raw)).toBe(iso)
  })

  it('reads 05.03.2024 day first and 03/05/2024 month first as the column decides', () => {
    expect(parseDateTime('05.03.2024', 'dmy')).toBe('2024-03-05')
    expect(parseDateTime('03/05/2024', 'mdy')).toBe('2024-03-05')
    expect(parseDateTime('03/05/2024', 'dmy')).toBe('2024-05-03')
  })

  test.each(['2024/2/30 10:00', '2023-02-29', '2024-13-01', '2024-03-05 25:00', 'yesterday', '13/13/2024', '1899-12-31', ''])(
    'refuses the impossible or unreadable %j',
    (raw) => {
      expect(parseDateTime(raw, 'mdy')).toBeNull()
    }
  )
})

describe('DayOrderVote', () => {
  it('decides day first when any value has a day above 12', () => {
    const v = new DayOrderVote()
    for (const s of ['05/03/2024', '06/03/2024', '13/03/2024']) v.add(s)
    expect(v.order).toBe('dmy')
  })
  it('decides month first when the second number goes above 12', () => {
    const v = new DayOrderVote()
    for (const s of ['05/03/2024', '12/27/2018']) v.add(s)
    expect(v.order).toBe('mdy')
  })
  it('leans day first for dotted dates when nothing settles it', () => {
    const v = new DayOrderVote()
    v.add('05.03.2024')
    expect(v.order).toBe('dmy')
  })
})

describe('times and Excel dates', () => {
  it('reads times of day with seconds, AM/PM and 下午', () => {
    expect(parseTimeOfDay('14:03')).toBe('14:03:00')
    expect(parseTimeOfDay('12:15 AM')).toBe('00:15:00')
    expect(parseTimeOfDay('下午2:03')).toBe('14:03:00')
    expect(parseTimeOfDay('24:00')).toBeNull()
  })
  it('turns Excel serials into wall-clock ISO', () => {
    expect(excelSerialToIso(1)).toBe('1899-12-31')
    expect(excelSerialToIso(45356.25)).toBe('2024-03-05T06:00:00')
  })
})
