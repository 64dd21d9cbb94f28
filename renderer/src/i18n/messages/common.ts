/** Words every page uses: actions, states, generic errors. */
export default {
  'zh-CN': {
    common: {
      ok: '确定',
      cancel: '取消',
      close: '关闭',
      save: '保存',
      saved: '已保存',
      loading: '正在加载…',
      retry: '重试',
      dismiss: '关闭提示',
      confirmTitle: '请确认',
      error: '出错了',
      networkError: '无法连接到常青服务（{detail}）',
      forbidden: '访问被拒绝：请使用启动时打印的完整地址打开（{status}）',
      httpError: '服务返回错误（HTTP {status}）',
      progress: '进度 {percent}%'
    },
    lifecycle: { active: '活跃期', silent: '沉默期', sleeping: '睡眠期', drifting: '流失预警', lost: '流失期' }
  },
  en: {
    common: {
      ok: 'OK',
      cancel: 'Cancel',
      close: 'Close',
      save: 'Save',
      saved: 'Saved',
      loading: 'Loading…',
      retry: 'Retry',
      dismiss: 'Dismiss',
      confirmTitle: 'Please confirm',
      error: 'Something went wrong',
      networkError: 'Cannot reach the Evergreen service ({detail})',
      forbidden: 'Access refused: open the full address printed at start ({status})',
      httpError: 'The service answered with an error (HTTP {status})',
      progress: 'Progress {percent}%'
    },
    lifecycle: { active: 'Active', silent: 'Silent', sleeping: 'Sleeping', drifting: 'At risk', lost: 'Lost' }
  }
}
