/** 今日回访: the call list. */
export default {
  'zh-CN': {
    nav: { calls: '今日回访' },
    settingsCalls: {
      title: '今日回访',
      capacity: '每天打多少个电话',
      capacityHint: '今日回访按紧急程度和顾客价值列出这么多位，其余点「显示全部」查看（1–500）',
      missed: '到期多少天后算错过',
      missedHint: '没按时联系的回访离开今日名单，列在「已错过」里（1–90 天）',
      save: '保存',
      saved: '回访设置已保存'
    },
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
      outcomeGroup: '记录 {name} 的回访结果',
      capacity: '（今天到期 {total} 位，每天 {capacity} 位，按紧急程度和顾客价值排序）',
      showAll: '显示全部（{n} 位）',
      showCapacity: '只看今天的 {n} 位',
      missed: '已错过 {n} 位',
      missedLead: '没有按时联系的回访：过了最后有意义的日子，或到期后超过设定的天数。仍可在这里记录结果。',
      optOutTitle: '{name} 不再联系？',
      optOutMessage: '将停止这位顾客允许的所有联系方式：{channels}，以及邮寄。之后可以撤销。',
      optedOut: '{name} 已不再联系：停止了 {channels}。',
      optOutUndone: '已撤销：{name} 的联系许可已恢复',
      outcomeUndone: '已撤销：{name} 的回访重新列入',
      undo: '撤销',
      listSep: '、',
      channel: { phone: '电话', sms: '短信', wechat: '微信', mail: '邮寄' },
      reasons: '原因'
    }
  },
  en: {
    nav: { calls: 'Calls today' },
    settingsCalls: {
      title: 'Calls today',
      capacity: 'Calls a day',
      capacityHint: 'The call list shows this many customers, most urgent and most valuable first; the rest under “Show all” (1–500)',
      missed: 'Missed after (days)',
      missedHint: 'A call not made this many days after it fell due leaves the list and shows under “missed” (1–90)',
      save: 'Save',
      saved: 'Call settings saved'
    },
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
      outcomeGroup: 'Record the outcome for {name}',
      capacity: '({total} due today, {capacity} a day, most urgent and most valuable first)',
      showAll: 'Show all ({n})',
      showCapacity: 'Only today’s {n}',
      missed: '{n} missed',
      missedLead: 'Calls not made in time: past their last useful day, or longer than the set days after falling due. You can still record an outcome here.',
      optOutTitle: 'Stop contacting {name}?',
      optOutMessage: 'Every channel this customer allowed stops: {channels}, and mail. You can undo it.',
      optedOut: '{name} is no longer contacted: {channels} stopped.',
      optOutUndone: 'Undone: {name}’s consents are back',
      outcomeUndone: 'Undone: {name}’s call is back on the list',
      undo: 'Undo',
      listSep: ', ',
      channel: { phone: 'phone', sms: 'SMS', wechat: 'WeChat', mail: 'mail' },
      reasons: 'Reasons'
    }
  }
}
