/** The customer file's member-list figures (会员资料) and the children in the edit form. */
export default {
  'zh-CN': {
    customer: {
      member: {
        title: '会员资料',
        since: '开卡',
        posTier: 'POS 等级',
        points: '积分',
        storedValue: '储值',
        asOf: '积分和储值截至 {date}（导出日期）',
        pendingReferrer: '推荐人 {ref} 还没有导入，导入后自动关联',
        sinceInput: '开卡日期',
        tierInput: 'POS 等级',
        pointsInput: '积分',
        storedInput: '储值余额（元）'
      },
      childEdit: {
        name: '宝宝姓名',
        birthday: '生日',
        gender: '性别',
        add: '添加孩子',
        remove: '删除',
        invalid: '孩子需要姓名或正确的生日 (YYYY-MM-DD)'
      }
    }
  },
  en: {
    customer: {
      member: {
        title: 'Member list',
        since: 'since',
        posTier: 'POS tier',
        points: 'points',
        storedValue: 'stored value',
        asOf: 'points and stored value as of {date} (the export date)',
        pendingReferrer: 'referrer {ref} not imported yet; linked when it is',
        sinceInput: 'Member since',
        tierInput: 'POS tier',
        pointsInput: 'Points',
        storedInput: 'Stored value (yuan)'
      },
      childEdit: {
        name: 'Child name',
        birthday: 'Birthday',
        gender: 'Gender',
        add: 'Add a child',
        remove: 'Remove',
        invalid: 'A child needs a name or a valid birthday (YYYY-MM-DD)'
      }
    }
  }
}
