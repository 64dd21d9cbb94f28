/** The settings page. */
export default {
  'zh-CN': {
    settings: {
      general: '常规',
      language: '界面语言',
      staffName: '当前店员',
      staffPlaceholder: '例如：小林',
      staffHint: '记录在联系记录和修改历史里',
      staffTooLong: '最多 40 个字',
      maskPhones: '手机号脱敏',
      maskPhonesLabel: '在列表和打印中隐藏手机号中间四位',
      lifecycle: '生命周期阈值',
      lifecycleLead: '按最近一次购买距今的天数划分客户。每个数字是该阶段的最后一天，超过“流失预警”即为流失期。',
      stageUntil: '{stage}：至第',
      days: '天',
      lostAfter: '{stage}：{days} 天以上',
      mustBeWhole: '请输入大于 0 的整数',
      mustIncrease: '必须大于上一阶段（{prev} 天）',
      restoreDefaults: '恢复默认',
      save: '保存设置',
      saved: '设置已保存',
      about: '关于',
      version: '版本',
      dbPath: '数据库文件',
      schemaVersion: '数据结构版本',
      today: '今天（统计截至）',
      webTransport: '浏览器模式',
      electronTransport: '桌面应用',
      transport: '运行方式'
    }
  },
  en: {
    settings: {
      general: 'General',
      language: 'Language',
      staffName: 'Staff on duty',
      staffPlaceholder: 'e.g. Lin',
      staffHint: 'recorded in the contact log and change history',
      staffTooLong: 'At most 40 characters',
      maskPhones: 'Phone masking',
      maskPhonesLabel: 'Hide the middle four digits of phone numbers in lists and prints',
      lifecycle: 'Lifecycle thresholds',
      lifecycleLead: 'Customers are staged by days since their last purchase. Each number is the last day of its stage; beyond “At risk” a customer is lost.',
      stageUntil: '{stage}: up to day',
      days: 'days',
      lostAfter: '{stage}: more than {days} days',
      mustBeWhole: 'Enter a whole number above 0',
      mustIncrease: 'Must be above the previous stage ({prev} days)',
      restoreDefaults: 'Restore defaults',
      save: 'Save settings',
      saved: 'Settings saved',
      about: 'About',
      version: 'Version',
      dbPath: 'Database file',
      schemaVersion: 'Schema version',
      today: 'Today (figures as of)',
      webTransport: 'browser',
      electronTransport: 'desktop app',
      transport: 'Running as'
    }
  }
}
