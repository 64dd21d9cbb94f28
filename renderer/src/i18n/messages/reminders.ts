/** 今日回访: the call list. */
export default {
  'zh-CN': {
    nav: { calls: '今日回访' },
    calls: {
      title: '今日回访',
      date: '{date} 的回访名单',
      total: '共 {n} 条待联系',
      skipped: '另有 {n} 位顾客不接受任何联系，已略过',
      empty: '今天没有需要回访的顾客',
      emptyLead: '补货提醒、生日、即将降级的顾客和待处理的投诉会出现在这里。',
      notices: '今日通知',
      audience: '可短信通知 {n} 人',
      reason: {
        complaint: '投诉回访',
        replenish: '补货提醒',
        birthday: '生日关怀',
        slide: '即将降级'
      },
      script: '建议话术',
      scriptLabel: '建议话术：',
      noPhone: '没有手机号',
      noCalls: '不接受电话，请用短信或微信',
      smsOk: '可短信',
      wechatOk: '可微信',
      reveal: '显示号码',
      lastOutcome: '上次：{outcome}（{at}）',
      outcome: {
        reached: '已联系',
        no_answer: '未接通',
        bought: '已购买',
        not_interested: '不需要',
        opted_out: '不再联系'
      },
      recorded: '已记录：{name} {outcome}',
      outcomeGroup: '记录 {name} 的回访结果'
    }
  },
  en: {
    nav: { calls: 'Calls today' },
    calls: {
      title: 'Calls today',
      date: 'Call list for {date}',
      total: '{n} to contact',
      skipped: '{n} more customers accept no contact and are left out',
      empty: 'Nobody to call today',
      emptyLead: 'Replenishment reminders, birthdays, customers about to slide and open complaints appear here.',
      notices: 'Notices',
      audience: '{n} can be told by SMS',
      reason: {
        complaint: 'Complaint follow-up',
        replenish: 'Running out',
        birthday: 'Birthday',
        slide: 'About to slide'
      },
      script: 'Suggested words',
      scriptLabel: 'Suggested words: ',
      noPhone: 'no phone number',
      noCalls: 'no phone calls: use SMS or WeChat',
      smsOk: 'SMS ok',
      wechatOk: 'WeChat ok',
      reveal: 'Show number',
      lastOutcome: 'Last: {outcome} ({at})',
      outcome: {
        reached: 'Reached',
        no_answer: 'No answer',
        bought: 'Bought',
        not_interested: 'Not interested',
        opted_out: 'Opted out'
      },
      recorded: 'Recorded: {name} {outcome}',
      outcomeGroup: 'Record the outcome for {name}'
    }
  }
}
