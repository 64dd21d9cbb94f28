/** The date field (BaseDateInput): dates read yyyy-mm-dd whatever the browser's locale. */
export default {
  'zh-CN': {
    dateInput: {
      hint: '按 年-月-日 填写，如 2026-05-25；↑↓ 加减一天',
      invalid: '不是有效日期：请按 年-月-日 填写，如 2026-05-25',
      pick: '从日历选择日期'
    }
  },
  en: {
    dateInput: {
      hint: 'Year-month-day, e.g. 2026-05-25; ↑↓ move a day',
      invalid: 'Not a valid date: write year-month-day, e.g. 2026-05-25',
      pick: 'Pick a date from the calendar'
    }
  }
}
