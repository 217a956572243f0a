/**
 * How Chinese government organs shorten their names: 县发展和改革局 is 县发改局, 县人力资源和社会
 * 保障局 is 县人社局. Offices abbreviate by these fixed patterns (the forms in use in the names
 * of organs at every level, 省/市/县/区/乡镇), so one unit is written several ways across a
 * ledger. Name matching replaces each full form by its short form before comparing.
 *
 * Each row is [full form(s), short form]. Longer forms are replaced first, so 发展和改革委员会
 * becomes 发改委 and not 发改委员会.
 */
const ABBREVIATIONS: ReadonlyArray<readonly [readonly string[], string]> = [
  [["发展和改革委员会", "发展改革委员会", "发展和改革委", "发展改革委"], "发改委"],
  [["发展和改革", "发展改革"], "发改"],
  [["人力资源和社会保障", "人力资源社会保障"], "人社"],
  [["住房和城乡建设", "住房城乡建设"], "住建"],
  [["市场监督管理"], "市场监管"],
  [["卫生健康委员会", "卫生和健康委员会"], "卫健委"],
  [["卫生和计划生育", "卫生计生"], "卫计"],
  [["卫生健康", "卫生和健康"], "卫健"],
  [["医疗保障"], "医保"],
  [["文化广电和旅游", "文化广电旅游", "文化广播电视和旅游"], "文广旅"],
  [["文化和旅游", "文化旅游"], "文旅"],
  [["自然资源和规划"], "自然资源规划"],
  [["工业和信息化", "工业信息化"], "工信"],
  [["经济和信息化", "经济信息化"], "经信"],
  [["科学技术"], "科技"],
  [["教育和体育", "教育体育"], "教体"],
  [["交通运输"], "交通"],
  [["退役军人事务"], "退役军人"],
  [["应急管理"], "应急"],
  [["林业和草原"], "林草"],
  [["农业农村"], "农业农村"],
  [["生态环境"], "生态环境"],
  [["民族宗教事务", "民族和宗教事务"], "民宗"],
  [["政务服务和大数据管理", "政务服务数据管理"], "政数"],
  [["城市管理综合行政执法", "城市管理和综合执法"], "城管执法"],
  [["城市管理"], "城管"],
  [["综合行政执法"], "综合执法"],
  [["机关事务管理"], "机关事务"],
  [["国有资产监督管理委员会"], "国资委"],
  [["人民政府办公室", "政府办公室"], "政府办"],
  [["人民政府"], "政府"],
  [["纪律检查委员会"], "纪委"],
  [["监察委员会"], "监委"],
  [["统一战线工作部"], "统战部"],
  [["政法委员会"], "政法委"],
  [["机构编制委员会办公室", "编制委员会办公室"], "编办"],
  [["委员会办公室"], "委办"],
  [["疾病预防控制中心"], "疾控中心"],
  [["住房公积金管理中心"], "公积金中心"],
  [["妇女联合会"], "妇联"],
  [["残疾人联合会"], "残联"],
  [["科学技术协会"], "科协"],
  [["工商业联合会"], "工商联"],
  [["文学艺术界联合会"], "文联"],
  [["供销合作社联合社", "供销合作社"], "供销社"],
  [["总工会"], "工会"],
  [["人民法院"], "法院"],
  [["人民检察院"], "检察院"],
  // 县医院 / 县人民医院; 县中医院 / 县中医医院.
  [["人民医院"], "医院"],
  [["中医医院"], "中医院"],
  [["妇幼保健计划生育服务中心", "妇幼保健计生服务中心"], "妇幼保健院"],
];

/** Every full form with its short form, longest first. */
const FORMS: ReadonlyArray<readonly [string, string]> = ABBREVIATIONS.flatMap(([full, short]) => full.map((f) => [f, short] as const)).sort(
  (a, b) => b[0].length - a[0].length,
);

/** Past this length a cell is a sentence, not a name: left as it is. */
const MAX_NAME = 64;

/** A name with each full form replaced by its short form: 县发展和改革局 → 县发改局. */
export function abbreviateUnit(name: string): string {
  if (name.length > MAX_NAME) return name;
  let out = name;
  for (const [full, short] of FORMS) if (out.includes(full)) out = out.split(full).join(short);
  return out;
}

/** The table, for the documentation and its tests. */
export const UNIT_ABBREVIATIONS = ABBREVIATIONS;
