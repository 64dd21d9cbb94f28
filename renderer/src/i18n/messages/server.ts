/** The shell's banner about the app server (stores/server-status.ts). */
export default {
  'zh-CN': {
    serverBanner: {
      restarting: '后台服务意外停止，正在自动重启…',
      restarted: '后台服务意外停止，已自动重启。',
      lost: '正在进行的 {n} 项操作没有保存，请再做一次；之前保存的数据都在。',
      noneLost: '之前保存的数据都在。',
      gaveUp: '后台服务反复停止，已不再重启。请关闭常青后重新打开；之前保存的数据都在。',
      startup: '后台服务无法打开数据库，常青现在不能使用：{message}'
    }
  },
  en: {
    serverBanner: {
      restarting: 'The app server stopped unexpectedly and is restarting…',
      restarted: 'The app server stopped unexpectedly and has been restarted.',
      lost: '{n} step(s) in progress were not saved; please do them again. Everything saved before is intact.',
      noneLost: 'Everything saved before is intact.',
      gaveUp: 'The app server keeps stopping and is no longer restarted. Close Evergreen and open it again; everything saved before is intact.',
      startup: 'The app server cannot open the database, so Evergreen cannot be used now: {message}'
    }
  }
}
