import { describe, expect, it } from 'vitest'
import { parseRegion, regionLabel } from '../../../shared/domain/region'

describe('parseRegion', () => {
  it.each([
    ['浙江省杭州市西湖区文三路12号', '浙江省', '杭州市', '西湖区'],
    ['浙江杭州拱墅区教工路3号', '浙江省', '杭州市', '拱墅区'],
    ['杭州市余杭区五常大道1号', '浙江省', '杭州市', '余杭区'],
    ['上海市浦东新区世纪大道100号', '上海市', '上海市', '浦东新区'],
    ['上海上海市徐汇区漕溪北路1号', '上海市', '上海市', '徐汇区'],
    ['北京市市辖区朝阳区建国路8号', '北京市', '北京市', '朝阳区'],
    ['广西壮族自治区南宁市青秀区民族大道', '广西壮族自治区', '南宁市', '青秀区'],
    ['江苏省苏州市工业园区星湖街', '江苏省', '苏州市', '工业园区'],
    ['湖北省恩施土家族苗族自治州恩施市舞阳大道', '湖北省', '恩施土家族苗族自治州', '恩施市'],
    ['中国 广东省 深圳市 南山区 科技园', '广东省', '深圳市', '南山区'],
    ['江苏省南京市中山路5号', '江苏省', '南京市', null]
  ])('reads %s as %s / %s / %s', (address, province, city, district) => {
    expect(parseRegion(address)).toEqual({ province, city, district })
  })

  it('leaves an address it cannot read empty instead of guessing', () => {
    expect(parseRegion('文三路12号3幢')).toEqual({ province: null, city: null, district: null })
    expect(parseRegion(null)).toEqual({ province: null, city: null, district: null })
  })

  it('labels a municipality once and a province by its short name', () => {
    expect(regionLabel('上海市', '上海市')).toBe('上海市')
    expect(regionLabel('浙江省', '杭州市')).toBe('浙江 杭州市')
    expect(regionLabel(null, null)).toBe('')
  })
})
