/**
 * Settings for the built-in segment schemes: what makes a core customer, the member tiers and
 * the RFM naming. Tier, ladder and RFM names themselves come from segments.ts.
 */
export default {
  'zh-CN': {
    schemes: {
      save: '保存',
      core: {
        lead: '忠诚度阶梯把每位客户放在六级中的一级，取够得着的最高一级。买过两次及以上的客户，如果在最近一段时间里买得勤、买得杂、花得多——下面几条同时达到——就是铁杆客户；推荐过别人来买的客户始终算宣传客户。标准定得越高，铁杆客户越少，也越名副其实。',
        windowDays: '统计最近',
        minOrders: '期间至少购买',
        minCategories: '期间至少买过',
        minSpend: '期间至少消费',
        daysUnit: '天',
        ordersUnit: '次',
        categoriesUnit: '个品类',
        yuanUnit: '元',
        spendHint: '填 0 表示不看金额',
        summary: '现在的标准：最近 {days} 天内购买至少 {orders} 次、买过至少 {categories} 个品类{spend}。',
        summarySpend: '、消费至少 {yuan} 元',
        saved: '铁杆客户标准已保存'
      },
      tiers: {
        lead: '会员等级按客户的累计购买次数和累计消费额（退货已扣除）自动评定，从低到高是普通、银卡、金卡、钻石；够得上哪一级就是哪一级，几级都够时取最高的一级。每一级可以配自己的折扣、专享价和优惠券。门槛要逐级递增：金卡不能低于银卡，钻石不能低于金卡（可以相等）。',
        match: '升级条件',
        matchAny: '次数或金额，满足一项即可（满 N 次或满 X 元）',
        matchAll: '次数和金额都要满足',
        level: '等级',
        minOrders: '累计购买至少（次）',
        minSpend: '累计消费至少（元）',
        saved: '会员等级门槛已保存'
      },
      rfm: {
        lead: 'RFM 给每位买过东西的客户看三件事：最近一次购买离现在多久（R）、一共买了几次（F）、一共花了多少钱（M）。分群页按下面选定的一套名称分组显示；换一套名称不改变客户的分数，只改变分组和叫法。',
        classicNote: '把 R 和 F、M 各按五档打分，组合出冠军客户、忠诚客户、即将沉睡、有流失风险、已流失等 11 类，分得细，便于找出该挽回的人。',
        cn8Note: 'R、F、M 各与全体买家的平均值比高低，组合出重要价值、重要发展、重要保持、重要挽留和对应的一般客户共 8 类，是国内常用的说法。',
        saved: 'RFM 分群命名已保存'
      },
      errors: {
        wholeFrom: '请输入不小于 {min} 的整数',
        wholeBetween: '请输入 {min} 到 {max} 之间的整数',
        money: '请输入金额（元），最多两位小数',
        riseOrders: '不能少于{tier}的 {value} 次',
        riseSpend: '不能低于{tier}的 {value} 元'
      }
    }
  },
  en: {
    schemes: {
      save: 'Save',
      core: {
        lead: 'The loyalty ladder puts every customer on one of six steps, the highest one they reach. A customer with two or more purchases who, within a recent window, buys often, across the range and for enough money — all of the criteria below at once — is a core customer; a customer who has brought in a buyer is always an advocate. The higher the bar, the fewer core customers, and the more they deserve the name.',
        windowDays: 'Window: the last',
        minOrders: 'Purchases in the window, at least',
        minCategories: 'Categories in the window, at least',
        minSpend: 'Spend in the window, at least',
        daysUnit: 'days',
        ordersUnit: 'purchases',
        categoriesUnit: 'categories',
        yuanUnit: 'yuan',
        spendHint: '0 means spend does not count',
        summary: 'Now: in the last {days} days, at least {orders} purchases across at least {categories} categories{spend}.',
        summarySpend: ', spending at least {yuan} yuan',
        saved: 'Core customer criteria saved'
      },
      tiers: {
        lead: 'Member tiers follow the purchase count and total spend of each customer (returns deducted): Regular, Silver, Gold, Diamond. A customer holds the highest tier whose threshold they reach. Each tier can have its own discount, member prices and coupons. Thresholds must rise: Gold not below Silver, Diamond not below Gold (equal is allowed).',
        match: 'To reach a tier',
        matchAny: 'Purchases or spend — either is enough',
        matchAll: 'Purchases and spend — both are needed',
        level: 'Tier',
        minOrders: 'Purchases, at least',
        minSpend: 'Total spend, at least (yuan)',
        saved: 'Member tier thresholds saved'
      },
      rfm: {
        lead: 'RFM looks at three things for every customer who has bought: how long since the last purchase (R), how many purchases (F) and how much spent (M). The segments page groups customers under the naming chosen here; switching naming changes the groups and their names, not the scores.',
        classicNote:
          'R and the average of F and M, each scored in five bands, combine into 11 named segments — Champions, Loyal, About to Sleep, At Risk, Lost and more: fine-grained, good for finding who to win back.',
        cn8Note:
          'R, F and M each compared with the average over all buyers, high or low, give 8 classes — important value, to develop, to keep, to win back, and the same for general customers: the naming common in China.',
        saved: 'RFM naming saved'
      },
      errors: {
        wholeFrom: 'Enter a whole number of at least {min}',
        wholeBetween: 'Enter a whole number from {min} to {max}',
        money: 'Enter an amount in yuan, at most two decimals',
        riseOrders: 'Must not be below {tier} ({value} purchases)',
        riseSpend: 'Must not be below {tier} ({value} yuan)'
      }
    }
  }
}
