// Invented Chinese place names: two characters plus the suffix of the unit's kind (区/县/市/自治县 …).
// The characters are ones common in real names (安, 平, 江, 阳 …) so the result reads naturally to
// officials; names of provinces and well-known cities are refused so nobody mistakes a synthetic
// county for a real one. Names are unique within a province (GB/T 2260 allows repeats across
// provinces, and so do we).
import type { Rng } from './random';
import type { RegionKind } from './types';

const FIRST = [...'安宝北碧滨昌长崇川春丹德东丰凤福阜甘高广桂海和河鹤恒红洪华怀黄会吉嘉建江金锦晋靖九康兰乐黎丽临灵柳龙隆鹿罗洛梅美明南宁盘平普祁青清庆泉仁荣瑞沙上韶石寿双顺松泰桃天通铜万望文武西仙香湘新兴秀宣阳仪宜永榆玉元云泽樟肇镇芝中舟竹紫'];
const SECOND = [...'安岸坝北滨昌城川丹德定东丰峰福冈港皋谷关光海和河湖华化淮江津兰岭林陵隆门宁平坪浦桥清庆泉山沙水顺台泰潭塘亭通溪峡仙乡祥阳源原远岳云洲庄'];

/** Province short names and two-character names of well-known cities: never generated. */
const RESERVED = new Set(
  (
    '北京 天津 上海 重庆 河北 山西 辽宁 吉林 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 广西 海南 四川 贵州 云南 ' +
    '西藏 陕西 甘肃 青海 宁夏 新疆 台湾 香港 澳门 南京 杭州 广州 深圳 成都 武汉 西安 长沙 南昌 合肥 福州 济南 郑州 太原 ' +
    '沈阳 长春 昆明 贵阳 南宁 海口 兰州 西宁 银川 拉萨 青岛 大连 宁波 厦门 苏州 无锡 温州 东莞 佛山 珠海 汕头 三亚 桂林 ' +
    '洛阳 开封 大同 丹东 鞍山 延安 遵义 宜昌 襄阳 岳阳 常德 九江 赣州 泉州 漳州 烟台 威海 泰安 临沂 潍坊 保定 唐山 邯郸 ' +
    '包头 柳州 韶关 湛江 江门 中山 惠州 清远 阳江 肇庆 梅州 河源 汕尾 揭阳 潮州 云浮 茂名 南通 泰州 镇江 扬州 盐城 淮安 ' +
    '宿迁 连云 徐州 常州 金华 台州 丽水 衢州 舟山 湖州 嘉兴 绍兴 黄山 安庆 铜陵 宣城 池州 六安 阜阳 亳州 淮南 淮北 蚌埠 ' +
    '宁德 南平 三明 龙岩 莆田 上饶 景德 萍乡 新余 鹰潭 吉安 宜春 抚州 德州 滨州 东营 日照 济宁 菏泽 聊城 枣庄 淄博 平顶 ' +
    '安阳 鹤壁 新乡 焦作 濮阳 许昌 漯河 南阳 商丘 信阳 周口 十堰 荆州 黄冈 黄石 鄂州 孝感 咸宁 随州 恩施 株洲 湘潭 衡阳 ' +
    '邵阳 益阳 郴州 永州 怀化 娄底 张家 玉林 百色 贺州 河池 来宾 崇左 钦州 北海 梧州 贵港 防城 绵阳 德阳 广元 遂宁 内江 ' +
    '乐山 南充 眉山 宜宾 广安 达州 雅安 巴中 资阳 泸州 自贡 攀枝 安顺 铜仁 毕节 曲靖 玉溪 保山 昭通 丽江 普洱 临沧 宝鸡 ' +
    '咸阳 渭南 汉中 榆林 商洛 天水 武威 张掖 平凉 酒泉 庆阳 定西 陇南 海东 石嘴 吴忠 固原 中卫 石河 五家 东方 文昌 琼海 ' +
    '万宁 儋州 仙桃 潜江 天门 济源 秦皇 沧州 衡水 邢台 廊坊 承德 晋城 长治 晋中 运城 忻州 临汾 吕梁 朔州 阳泉 营口 锦州 ' +
    '盘锦 铁岭 朝阳 葫芦 本溪 抚顺 辽阳 阜新 通化 白山 松原 白城 四平 辽源 鹤岗 双鸭 鸡西 大庆 伊春 牡丹 七台 黑河 绥化 ' +
    // Districts of the big cities, which officials know by heart.
    '东城 西城 丰台 海淀 门头 石景 通州 顺义 昌平 大兴 平谷 密云 延庆 怀柔 和平 河西 南开 河东 红桥 东丽 西青 津南 北辰 ' +
    '武清 宝坻 滨海 宁河 静海 蓟州 黄浦 徐汇 长宁 静安 普陀 虹口 杨浦 闵行 宝山 嘉定 浦东 金山 松江 青浦 奉贤 崇明 天河 ' +
    '越秀 海珠 荔湾 白云 黄埔 番禺 花都 南沙 从化 增城 福田 罗湖 南山 盐田 宝安 龙岗 龙华 坪山 光明 江汉 江岸 汉阳 武昌 ' +
    '青山 洪山 江夏 黄陂 新洲 玄武 秦淮 建邺 鼓楼 浦口 栖霞 雨花 江宁 六合 溧水 高淳 上城 下城 江干 拱墅 西湖 滨江 萧山 ' +
    '余杭 临安 富阳 桐庐 淳安 建德 锦江 青羊 金牛 武侯 成华 龙泉 新都 温江 双流 新津 雁塔 碑林 莲湖 新城 灞桥 未央 长安 ' +
    '临潼 阎良 高陵 周至 蓝田 历下 市中 槐荫 天桥 历城 长清 章丘 市南 市北 黄岛 崂山 李沧 城阳 即墨 胶州 平度 莱西'
  ).split(' '),
);

const DIRECTIONS = '东西南北中上';

/** Ethnic groups of autonomous units, by GB/T 2260 大区 (first code digit), so a name fits its region. */
const ETHNIC_BY_REGION: Record<string, readonly string[]> = {
  '1': ['蒙古族', '满族', '回族'],
  '2': ['满族', '朝鲜族', '蒙古族'],
  '3': ['畲族', '回族', '土家族苗族', '苗族'],
  '4': ['土家族', '苗族', '瑶族', '壮族', '侗族', '黎族', '土家族苗族'],
  '5': ['彝族', '藏族', '苗族', '布依族', '傣族', '哈尼族', '羌族', '白族'],
  '6': ['回族', '藏族', '哈萨克族', '蒙古族', '土族', '撒拉族'],
};

export type PlaceName = { name: string; shortName: string };

/** The suffix a unit's full name ends with; autonomous units add an ethnic group before it. */
function suffixOf(kind: RegionKind, ethnic: string): string {
  switch (kind) {
    case 'prefecture_city':
    case 'county_city':
      return '市';
    case 'prefecture':
      return '地区';
    case 'autonomous_prefecture':
      return `${ethnic}自治州`;
    case 'league':
      return '盟';
    case 'district':
      return '区';
    case 'county':
      return '县';
    case 'autonomous_county':
      return `${ethnic}自治县`;
    case 'banner':
      return '旗';
    case 'forest_area':
      return '林区';
    case 'special_area':
      return '特区';
    case 'province':
    case 'autonomous_region':
    case 'municipality':
    case 'municipal_pseudo':
      throw new RangeError(`no synthetic names for ${kind}`);
  }
}

/** Hands out names unique within one province. */
export class NameFactory {
  private readonly usedShort = new Set<string>();
  private readonly usedFull = new Set<string>();
  private readonly rng: Rng;
  private readonly provinceCode: string;

  constructor(rng: Rng, provinceCode: string) {
    this.rng = rng;
    this.provinceCode = provinceCode;
  }

  /** Reserve an existing name (e.g. a retired code's) so that no other unit gets it. */
  reserve(name: string, shortName: string): void {
    this.usedFull.add(name);
    this.usedShort.add(shortName);
  }

  /** A short name not used yet in this province. */
  private freshShort(): string {
    for (let attempt = 0; attempt < 10_000; attempt++) {
      const a = this.rng.pick(FIRST);
      const b = this.rng.pick(SECOND);
      const s = a + b;
      // 西东 or 南北 reads as a direction, not a place.
      if (a === b || (DIRECTIONS.includes(a) && DIRECTIONS.includes(b)) || RESERVED.has(s) || this.usedShort.has(s)) continue;
      this.usedShort.add(s);
      return s;
    }
    throw new RangeError(`ran out of place names in province ${this.provinceCode}`);
  }

  next(kind: RegionKind): PlaceName {
    const ethnics = ETHNIC_BY_REGION[this.provinceCode.charAt(0)] ?? ETHNIC_BY_REGION['4']!;
    const ethnic = this.rng.pick(ethnics);
    const shortName = this.freshShort();
    const name = shortName + suffixOf(kind, ethnic);
    this.usedFull.add(name);
    return { name, shortName };
  }

  /** The name a unit gets when it changes kind but keeps its place name (撤县设区 keeps 长安 in 长安区). */
  renamed(shortName: string, kind: RegionKind): PlaceName {
    const name = shortName + suffixOf(kind, '');
    if (this.usedFull.has(name)) throw new RangeError(`name ${name} already used`);
    this.usedFull.add(name);
    return { name, shortName };
  }
}
