/** The customer file's member-list figures (会员资料), its empty fields' sources, and the children in the edit form. */
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
      // an empty field says where it would come from, so a shop made of files knows what to import or type
      emptyFrom: {
        address: '未填：会员资料的“地址”列或网店订单的收货地址，或在编辑档案里填写',
        region: '未知：从地址里读出省、市、区',
        birthday: '未填：会员资料的“生日”列，或在编辑档案里填写',
        ageBand: '年龄段未填（会员资料的“年龄段”列）',
        gender: '性别未填（会员资料的“性别”列）',
        children: '未填：会员资料的“宝宝姓名/宝宝生日”列，或在编辑档案里添加',
        referredBy: '无：会员资料的“推荐人”列',
        tags: '无：会员资料的“会员标签”列，或在编辑档案里添加',
        categories: '未归类：导入商品资料（“商品分类”列），买过的商品按编码、条码或名称归类'
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
      emptyFrom: {
        address: 'not set: the member list’s address column or an online order’s delivery address, or type it in the edit form',
        region: 'unknown: read from the address (province, city, district)',
        birthday: 'not set: the member list’s birthday column, or type it in the edit form',
        ageBand: 'age band not set (the member list’s age band column)',
        gender: 'gender not set (the member list’s gender column)',
        children: 'not set: the member list’s child name / birthday columns, or add them in the edit form',
        referredBy: 'none: the member list’s referrer column',
        tags: 'none: the member list’s tags column, or add them in the edit form',
        categories: 'not categorised: import the product list (its category column); products bought are matched by code, barcode or name'
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
