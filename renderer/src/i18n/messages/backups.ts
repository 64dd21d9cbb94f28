/** Backups, restore, full export and the audit trail. */
export default {
  'zh-CN': {
    backups: {
      title: '备份与恢复',
      lead: '每天第一次打开、每次导入和合并前都会自动备份。备份文件夹：',
      createNow: '立即备份',
      exportAll: '完整导出 (zip)',
      none: '还没有备份。',
      when: '时间',
      reason: '原因',
      holds: '内容',
      size: '大小',
      restore: '恢复',
      restoreTitle: '从备份恢复？',
      restoreMessage: '数据库将回到 {at} 的状态（{customers} 位顾客，{orders} 笔订单）。当前数据会先另存为一个备份，可以再恢复回来。',
      restored: '已恢复；恢复前的数据已另存为备份',
      created: '备份完成',
      exported: '完整导出已下载',
      figures: '{customers} 顾客 · {orders} 订单 · {revenue}',
      unreadable: '无法读取',
      reasons: {
        manual: '手动',
        daily: '每日',
        'before-import': '导入前',
        'before-merge': '合并前',
        'before-restore': '恢复前',
        'before-undo': '撤销前',
        'before-migrate': '升级前',
        unknown: '其他'
      },
      audit: '操作记录',
      auditLead: '谁在什么时候做了什么（不含顾客个人信息）',
      auditEmpty: '还没有操作记录。',
      staff: '店员',
      action: '操作',
      detail: '说明',
      actions: {
        import: '导入',
        'undo-import': '撤销导入',
        merge: '合并顾客',
        'undo-merge': '撤销合并',
        erase: '删除个人信息',
        export: '导出',
        print: '打印',
        backup: '备份',
        restore: '恢复备份',
        'import-all': '导入完整导出',
        campaign: '礼品寄送'
      }
    }
  },
  en: {
    backups: {
      title: 'Backups and restore',
      lead: 'A backup is made at the first start of each day and before every import and merge. Backup folder:',
      createNow: 'Back up now',
      exportAll: 'Full export (zip)',
      none: 'No backups yet.',
      when: 'When',
      reason: 'Reason',
      holds: 'Holds',
      size: 'Size',
      restore: 'Restore',
      restoreTitle: 'Restore this backup?',
      restoreMessage: 'The database goes back to {at} ({customers} customers, {orders} orders). The current data is backed up first, so you can go back again.',
      restored: 'Restored; the previous data was kept as a backup',
      created: 'Backup made',
      exported: 'Full export downloaded',
      figures: '{customers} customers · {orders} orders · {revenue}',
      unreadable: 'unreadable',
      reasons: {
        manual: 'manual',
        daily: 'daily',
        'before-import': 'before import',
        'before-merge': 'before merge',
        'before-restore': 'before restore',
        'before-undo': 'before undo',
        'before-migrate': 'before upgrade',
        unknown: 'other'
      },
      audit: 'Audit trail',
      auditLead: 'Who did what and when (no customer personal data)',
      auditEmpty: 'Nothing recorded yet.',
      staff: 'Staff',
      action: 'Action',
      detail: 'Detail',
      actions: {
        import: 'Import',
        'undo-import': 'Undo import',
        merge: 'Merge customers',
        'undo-merge': 'Undo merge',
        erase: 'Erase personal data',
        export: 'Export',
        print: 'Print',
        backup: 'Backup',
        restore: 'Restore',
        'import-all': 'Full import',
        campaign: 'Gift mailing'
      }
    }
  }
}
