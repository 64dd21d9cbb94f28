/** The shell: navigation, top bar, drop overlay, and the empty segments page's lead. */
export default {
  'zh-CN': {
    app: { name: '常青', fullName: '常青 Evergreen', tagline: '老客户维护' },
    shell: { skip: '跳到主要内容' },
    nav: {
      label: '主导航',
      overview: '概览',
      customers: '客户档案',
      segments: '分群',
      campaigns: '礼品寄送',
      cards: '售后卡',
      import: '导入',
      predictions: '预测',
      settings: '设置',
      shortcut: 'Alt+{n}'
    },
    topbar: { language: '语言', staff: '当前店员：{name}', noStaff: '未设置店员' },
    drop: { overlay: '松开即可导入', hint: '支持 POS 导出的 CSV / Excel 文件' },
    pages: {
      segments: {
        lead: '按生命周期、购买次数、消费金额和品类把客户分成可保存的群组。',
        now: '导入销售数据后，即可在这里筛选客户。'
      }
    }
  },
  en: {
    app: { name: 'Evergreen', fullName: 'Evergreen 常青', tagline: 'Keep your regulars' },
    shell: { skip: 'Skip to main content' },
    nav: {
      label: 'Main navigation',
      overview: 'Overview',
      customers: 'Customers',
      segments: 'Segments',
      campaigns: 'Gift mailings',
      cards: 'Insert cards',
      import: 'Import',
      predictions: 'Predictions',
      settings: 'Settings',
      shortcut: 'Alt+{n}'
    },
    topbar: { language: 'Language', staff: 'Staff: {name}', noStaff: 'No staff name set' },
    drop: { overlay: 'Drop to import', hint: 'CSV / Excel exports from your POS' },
    pages: {
      segments: {
        lead: 'Sort customers into saved groups by lifecycle, purchase count, spend and category.',
        now: 'Once sales are imported, filter customers here.'
      }
    }
  }
}
