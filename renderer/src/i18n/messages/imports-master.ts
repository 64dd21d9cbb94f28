/** The import page for member lists (会员资料) and product lists (商品资料): kinds, fields, samples, result figures. */
export default {
  'zh-CN': {
    imports: {
      kinds: { sales: '销售记录', members: '会员资料', products: '商品资料' },
      kind: {
        label: '文件类型',
        reason: '识别依据'
      },
      fields: {
        firstName: '名', lastName: '姓', gender: '性别', birthday: '生日', birthdayCalendar: '生日类型', age: '年龄', ageBand: '年龄段',
        memberSince: '开卡日期', posTier: '会员等级（POS）', points: '积分', storedValue: '储值余额', referrer: '推荐人', tags: '标签', notes: '备注',
        childName: '宝宝姓名', childBirthday: '宝宝生日', childGender: '宝宝性别', consentSms: '接收短信', consentEmail: '接收邮件',
        barcode: '条码', spec: '规格', unit: '单位', retailPrice: '零售价', memberPrice: '会员价', productStatus: '商品状态', daysPerUnit: '每件可用天数'
      },
      master: {
        rowsImported: '已导入行',
        created: '新建客户',
        updated: '更新的客户',
        unchanged: '没有变化',
        conflicts: '冲突',
        conflictsHint: '店员改过的值被保留',
        birthdays: '找到生日',
        birthdaysHint: '公历 {solar} · 农历 {lunar}',
        children: '宝宝',
        referrersLinked: '推荐人已关联',
        referrersPending: '{n} 位待关联',
        productsCreated: '新建商品',
        productsUpdated: '更新的商品',
        linesCategorised: '归类的销售行',
        linesCategorisedHint: '已导入的销售得到类别',
        conflictsTitle: '冲突（列出 {n} / {total}）',
        customer: '客户',
        kept: '保留的值',
        fileValue: '文件中的值',
        why: '原因',
        reasons: { staffEdit: '导入后店员改过', sameCardOtherName: '同一卡号出现另一个姓名' },
        take: '采用文件的值',
        taken: '已采用',
        cannotTake: '请在客户档案中修改',
        takenNotice: '已为客户 #{id} 采用文件中的值',
        noticesTitle: '已忽略（{n}）'
      },
      samples: {
        title: '将要保存的值（前 {n} 行）',
        hint: '空白的格子不会清除已有的内容。',
        field: '字段',
        column: '文件中的列',
        row: '第 {n} 行',
        empty: '（空，不改动）',
        skipped: '—',
        rejected: '这一行不会导入：{reason}',
        lunar: '农历{label}',
        lunarYear: '{year}年',
        solarThisYear: '今年公历 {date}',
        solar: '公历 {date}',
        yes: '是',
        no: '否',
        child: '{name} {birthday} {gender}'
      }
    }
  },
  en: {
    imports: {
      kinds: { sales: 'Sales', members: 'Member list', products: 'Product list' },
      kind: {
        label: 'File holds',
        reason: 'Why'
      },
      fields: {
        firstName: 'First name', lastName: 'Last name', gender: 'Gender', birthday: 'Birthday', birthdayCalendar: 'Birthday calendar', age: 'Age', ageBand: 'Age band',
        memberSince: 'Member since', posTier: 'POS tier', points: 'Points', storedValue: 'Stored value', referrer: 'Referrer', tags: 'Tags', notes: 'Notes',
        childName: 'Child name', childBirthday: 'Child birthday', childGender: 'Child gender', consentSms: 'Accepts SMS', consentEmail: 'Accepts email',
        barcode: 'Barcode', spec: 'Spec', unit: 'Unit', retailPrice: 'Retail price', memberPrice: 'Member price', productStatus: 'Product status', daysPerUnit: 'Days per unit'
      },
      master: {
        rowsImported: 'Rows imported',
        created: 'Customers created',
        updated: 'Customers updated',
        unchanged: 'Unchanged',
        conflicts: 'Conflicts',
        conflictsHint: "staff's edits kept",
        birthdays: 'Birthdays found',
        birthdaysHint: 'solar {solar} · lunar {lunar}',
        children: 'Children',
        referrersLinked: 'Referrers linked',
        referrersPending: '{n} pending',
        productsCreated: 'Products created',
        productsUpdated: 'Products updated',
        linesCategorised: 'Lines categorised',
        linesCategorisedHint: 'imported sales given a category',
        conflictsTitle: 'Conflicts ({n} of {total} listed)',
        customer: 'Customer',
        kept: 'Kept',
        fileValue: "File's value",
        why: 'Why',
        reasons: { staffEdit: 'edited by staff after the import', sameCardOtherName: 'another name under the same card' },
        take: "Take the file's value",
        taken: 'Taken',
        cannotTake: 'edit it in the customer file',
        takenNotice: "Customer #{id} now has the file's value",
        noticesTitle: 'Ignored ({n})'
      },
      samples: {
        title: 'Values as they will be stored (first {n} rows)',
        hint: 'An empty cell erases nothing.',
        field: 'Field',
        column: 'Column in the file',
        row: 'Row {n}',
        empty: '(empty, unchanged)',
        skipped: '—',
        rejected: 'This row will not be imported: {reason}',
        lunar: 'lunar {label}',
        lunarYear: '{year}',
        solarThisYear: 'this year {date}',
        solar: '{date}',
        yes: 'yes',
        no: 'no',
        child: '{name} {birthday} {gender}'
      }
    }
  }
}
