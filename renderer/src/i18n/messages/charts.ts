/** Words every chart by month shares: the month still running is marked, not drawn as if complete. */
export default {
  'zh-CN': {
    charts: {
      toDay: '（至 {day} 日）',
      partialNote: '；最后一个月还没过完，只算到 {day} 日，颜色较浅',
      partialShort: '浅色柱：本月还没过完，只算到 {day} 日'
    }
  },
  en: {
    charts: {
      toDay: ' (to day {day})',
      partialNote: '; the last month is still running, counted to day {day} and drawn paler',
      partialShort: 'Pale bar: this month is still running, counted to day {day}'
    }
  }
}
