/** The shell: navigation, top bar, drop overlay, and the placeholder pages of sections still being built. */
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
      customers: {
        lead: '这里将列出每一位客户的档案：身份（会员卡、手机号）、购买记录、孩子信息和联系记录。',
        now: '先导入 POS 导出文件，或在概览页载入示例母婴店。'
      },
      segments: {
        lead: '这里将按生命周期、购买次数、消费金额和品类把客户分成可保存的群组。',
        now: '导入销售数据后，即可在这里筛选客户。'
      },
      campaigns: {
        lead: '这里将计划给老客户寄送礼品：挑选名单、记录寄送与回访。',
        now: '先在“分群”里找到想关怀的客户。'
      },
      cards: {
        lead: '这里将设计并打印随包裹附上的售后卡（含二维码），打印前可预览。',
        now: '先创建一次礼品寄送，再为它打印售后卡。'
      },
      import: {
        lead: '这里将导入 POS 导出的销售文件，每次导入都可查看和整批撤销。',
        now: '把 POS 导出文件拖到窗口任意位置。'
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
      customers: {
        lead: 'Every customer’s file will be here: identities (member card, phone), purchases, children and contact history.',
        now: 'Import a POS export first, or load the demo shop from the overview.'
      },
      segments: {
        lead: 'Sort customers into saved groups by lifecycle, purchase count, spend and category.',
        now: 'Once sales are imported, filter customers here.'
      },
      campaigns: {
        lead: 'Plan gift mailings to old customers: pick the list, record sending and follow-up calls.',
        now: 'Find the customers you want to look after under Segments first.'
      },
      cards: {
        lead: 'Design and print the insert cards (with QR code) that go into parcels, with a print preview.',
        now: 'Create a gift mailing first, then print its cards.'
      },
      import: {
        lead: 'Import sales exports from your POS; every import can be listed and undone as a whole.',
        now: 'Drag a POS export anywhere onto the window.'
      }
    }
  }
}
