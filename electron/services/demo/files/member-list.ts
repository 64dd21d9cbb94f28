/** The member list (会员资料) as a POS exports it: an .xlsx, one row per member. */
import { xlsxFromRows } from './xlsx-rows'
import type { DemoMember } from '../members-plan'

const HEADER = [
  '会员卡号',
  '会员姓名',
  '手机号',
  '性别',
  '生日',
  '生日类型',
  '推荐人卡号',
  '会员标签',
  '宝宝姓名',
  '宝宝生日',
  '宝宝性别',
  '是否接收短信',
  '联系地址'
]

export async function memberListXlsx(members: readonly DemoMember[]): Promise<Buffer> {
  return xlsxFromRows('会员资料', HEADER, members, (m) => [
    m.card ?? '',
    m.name,
    m.phone ?? '',
    m.gender,
    m.birthday ?? '',
    m.birthday ? (m.lunar ? '农历' : '公历') : '',
    m.referrerCard ?? '',
    m.tag ?? '',
    m.childName ?? '',
    m.childBirthday ?? '',
    m.childGender ?? '',
    m.consentSms ? '是' : '否',
    m.address
  ])
}
