/**
 * Province, city and district read from a mainland Chinese address as POS and shop back ends
 * write it ('浙江省杭州市西湖区文三路 12 号', '上海浦东新区…', '杭州市拱墅区…'). Pure text rules
 * plus the list of provinces and the bigger cities, so an address without its province still
 * lands in the right one; what cannot be read stays null rather than guessed.
 */
export interface Region {
  province: string | null
  city: string | null
  district: string | null
}

/** Full names of the provincial-level divisions, with the short forms people write. */
const PROVINCES: [full: string, short: string][] = [
  ['北京市', '北京'],
  ['天津市', '天津'],
  ['上海市', '上海'],
  ['重庆市', '重庆'],
  ['河北省', '河北'],
  ['山西省', '山西'],
  ['辽宁省', '辽宁'],
  ['吉林省', '吉林'],
  ['黑龙江省', '黑龙江'],
  ['江苏省', '江苏'],
  ['浙江省', '浙江'],
  ['安徽省', '安徽'],
  ['福建省', '福建'],
  ['江西省', '江西'],
  ['山东省', '山东'],
  ['河南省', '河南'],
  ['湖北省', '湖北'],
  ['湖南省', '湖南'],
  ['广东省', '广东'],
  ['海南省', '海南'],
  ['四川省', '四川'],
  ['贵州省', '贵州'],
  ['云南省', '云南'],
  ['陕西省', '陕西'],
  ['甘肃省', '甘肃'],
  ['青海省', '青海'],
  ['台湾省', '台湾'],
  ['内蒙古自治区', '内蒙古'],
  ['广西壮族自治区', '广西'],
  ['西藏自治区', '西藏'],
  ['宁夏回族自治区', '宁夏'],
  ['新疆维吾尔自治区', '新疆'],
  ['香港特别行政区', '香港'],
  ['澳门特别行政区', '澳门']
]

const MUNICIPALITIES = new Set(['北京市', '天津市', '上海市', '重庆市'])

/** Bigger cities (capitals and the usual online-shopping cities) → their province. */
const CITY_PROVINCE: Record<string, string> = {
  石家庄: '河北省',
  唐山: '河北省',
  保定: '河北省',
  太原: '山西省',
  沈阳: '辽宁省',
  大连: '辽宁省',
  长春: '吉林省',
  哈尔滨: '黑龙江省',
  南京: '江苏省',
  苏州: '江苏省',
  无锡: '江苏省',
  常州: '江苏省',
  南通: '江苏省',
  徐州: '江苏省',
  杭州: '浙江省',
  宁波: '浙江省',
  温州: '浙江省',
  绍兴: '浙江省',
  嘉兴: '浙江省',
  金华: '浙江省',
  台州: '浙江省',
  湖州: '浙江省',
  合肥: '安徽省',
  芜湖: '安徽省',
  福州: '福建省',
  厦门: '福建省',
  泉州: '福建省',
  南昌: '江西省',
  济南: '山东省',
  青岛: '山东省',
  烟台: '山东省',
  郑州: '河南省',
  洛阳: '河南省',
  武汉: '湖北省',
  宜昌: '湖北省',
  长沙: '湖南省',
  广州: '广东省',
  深圳: '广东省',
  东莞: '广东省',
  佛山: '广东省',
  珠海: '广东省',
  中山: '广东省',
  海口: '海南省',
  三亚: '海南省',
  成都: '四川省',
  绵阳: '四川省',
  贵阳: '贵州省',
  昆明: '云南省',
  西安: '陕西省',
  兰州: '甘肃省',
  西宁: '青海省',
  呼和浩特: '内蒙古自治区',
  南宁: '广西壮族自治区',
  桂林: '广西壮族自治区',
  拉萨: '西藏自治区',
  银川: '宁夏回族自治区',
  乌鲁木齐: '新疆维吾尔自治区'
}

// a city-level name ends in one of these; a district-level name in the second list
const CITY_SUFFIX = /^(.{1,8}?(?:自治州|地区|盟|市))/
const DISTRICT_SUFFIX = /^(.{1,8}?(?:新区|区|县|旗|市))/

/** The region of an address; fields that cannot be read are null. */
export function parseRegion(address: string | null | undefined): Region {
  const region: Region = { province: null, city: null, district: null }
  if (!address) return region
  let rest = address.normalize('NFKC').replace(/\s+/g, '').replace(/^中国/, '')

  for (const [full, short] of PROVINCES) {
    if (rest.startsWith(full)) {
      region.province = full
      rest = rest.slice(full.length)
      break
    }
    if (rest.startsWith(short)) {
      region.province = full
      rest = rest.slice(short.length)
      break
    }
  }

  if (region.province && MUNICIPALITIES.has(region.province)) {
    region.city = region.province
    // '上海市上海市浦东新区' and '北京市市辖区' both occur in exports
    if (rest.startsWith(region.province)) rest = rest.slice(region.province.length)
    if (rest.startsWith('市辖区')) rest = rest.slice(3)
  } else {
    const known = Object.keys(CITY_PROVINCE).find((c) => rest.startsWith(c))
    const city = rest.match(CITY_SUFFIX)?.[1]
    if (known && (!region.province || CITY_PROVINCE[known] === region.province)) {
      region.city = `${known}市`
      region.province ??= CITY_PROVINCE[known]
      rest = rest.slice(rest.startsWith(`${known}市`) ? known.length + 1 : known.length)
    } else if (city && region.province) {
      region.city = city
      rest = rest.slice(city.length)
    }
  }

  if (region.city) {
    const district = rest.match(DISTRICT_SUFFIX)?.[1]
    // a street ('中山路') is not a district; the suffix must come before any road or number
    if (district && !/[路街道号巷弄村]/.test(district)) region.district = district
  }
  return region
}

/** '浙江 杭州市' for a table cell; a municipality shows once ('上海市'). */
export function regionLabel(province: string | null, city: string | null): string {
  if (!province && !city) return ''
  if (!city || city === province) return province ?? city ?? ''
  if (!province) return city
  return `${province.replace(/(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/, '')} ${city}`
}
