/** The overview page. */
export default {
  'zh-CN': {
    overview: {
      asOf: '截至 {date}',
      customers: '客户',
      customersHint: '有档案的客户',
      orders: '订单',
      ordersHint: '{lines} 条明细',
      revenue: '销售额',
      revenueHint: '扣除退货',
      repeat: '复购客户',
      repeatHint: '占客户 {share}',
      active: '活跃客户',
      activeHint: '最近 {days} 天内购买过',
      revenueByMonth: '每月销售额',
      revenueSeries: '销售额',
      revenueChartLabel: '最近 {n} 个月每月销售额柱状图',
      lifecycle: '生命周期',
      lifecycleChartLabel: '按生命周期划分的客户：{summary}',
      lifecycleNote: '按最近一次购买距今天数划分，阈值可在设置中修改。',
      loadFailed: '无法读取概览数据',
      emptyTitle: '还没有销售数据',
      emptyLead: '把 POS 导出文件拖到这里（窗口任意位置都可以），常青会按会员卡和手机号整理出每位客户的档案。',
      emptyNow: '想先看看效果？载入一个示例母婴店：800 位客户、两年销售记录。',
      loadDemo: '载入示例母婴店',
      goImport: '去导入页',
      demoLoading: '正在生成示例母婴店…',
      demoLoaded: '示例母婴店已载入：{customers} 位客户，{orders} 笔订单'
    }
  },
  en: {
    overview: {
      asOf: 'As of {date}',
      customers: 'Customers',
      customersHint: 'with a customer file',
      orders: 'Orders',
      ordersHint: '{lines} lines',
      revenue: 'Revenue',
      revenueHint: 'net of returns',
      repeat: 'Repeat buyers',
      repeatHint: '{share} of customers',
      active: 'Active customers',
      activeHint: 'bought in the last {days} days',
      revenueByMonth: 'Revenue by month',
      revenueSeries: 'Revenue',
      revenueChartLabel: 'Bar chart of revenue for each of the last {n} months',
      lifecycle: 'Lifecycle',
      lifecycleChartLabel: 'Customers by lifecycle stage: {summary}',
      lifecycleNote: 'By days since the last purchase; change the thresholds in Settings.',
      loadFailed: 'Could not read the overview',
      emptyTitle: 'No sales yet',
      emptyLead: 'Drag a POS export here (anywhere on the window works); Evergreen builds one file per customer from member cards and phone numbers.',
      emptyNow: 'Want to see it working first? Load a demo mother-and-baby shop: 800 customers, two years of sales.',
      loadDemo: 'Load the demo shop',
      goImport: 'Go to Import',
      demoLoading: 'Building the demo shop…',
      demoLoaded: 'Demo shop loaded: {customers} customers, {orders} orders'
    }
  }
}
