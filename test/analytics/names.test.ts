import { describe, expect, it } from "vitest";
import { cleanName, findNameVariants, nameKey, splitNames, type NameRef } from "../../analytics/names.js";

describe("cleanName", () => {
  it.each<[string, string]>([
    [" 娄星区人民医院 ", "娄星区人民医院"],
    ["\u3000区医保局\u3000", "区医保局"],
    ["张 三", "张三"],
    ["张  三", "张三"],
    ["李 建 宏", "李建宏"],
    ["区 人民 医院", "区人民医院"],
    ["张三 （副局长）", "张三（副局长）"],
    ["区人民医院（牵头），", "区人民医院（牵头）"],
    ["区财政局、", "区财政局"],
    ["区财政局。", "区财政局"],
    ["扶贫办；", "扶贫办"],
    ["、扶贫办", "扶贫办"],
    ["区人社局：", "区人社局"],
    ["ＡＢＣ 医院", "ABC医院"],
    ["John   Smith", "John Smith"],
    ["杉山镇中心卫生院\n", "杉山镇中心卫生院"],
    ["", ""],
    ["  ", ""],
  ])("%j -> %j", (text, clean) => {
    expect(cleanName(text)).toBe(clean);
  });
});

describe("splitNames", () => {
  const plain = (...names: string[]): NameRef[] => names.map((name) => ({ name, role: null }));

  it.each<[string, string, NameRef[]]>([
    ["the contract's example", "区医保局、扶贫办", plain("区医保局", "扶贫办")],
    ["commas", "张三,李四", plain("张三", "李四")],
    ["full-width commas", "张三，李四", plain("张三", "李四")],
    ["semicolons, slashes and line breaks", "区人社局/区财政局；区医保局\n区疾控中心", plain("区人社局", "区财政局", "区医保局", "区疾控中心")],
    ["one name with stray spaces", " 娄星区人民医院 ", plain("娄星区人民医院")],
    ["a person with a title", "张三（副局长）", plain("张三（副局长）")],
    ["和 inside a unit's name", "区卫生和计划生育局", plain("区卫生和计划生育局")],
    ["和 inside another", "区人力资源和社会保障局、区财政局", plain("区人力资源和社会保障局", "区财政局")],
    ["和 between spaces separates", "张三 和 李四", plain("张三", "李四")],
    ["及 between spaces separates", "区医保局 及 扶贫办", plain("区医保局", "扶贫办")],
    ["和 between single characters is a name", "张 和 平", plain("张和平")],
    ["a space between two units", "区医保局 扶贫办", plain("区医保局", "扶贫办")],
    ["a space between two people", "李建宏 陈志昂", plain("李建宏", "陈志昂")],
    // A cell of one unit a line, its line breaks made spaces when the item's unit is tidied.
    ["units that are no 局 or 办 (联社, 工会, 妇联)", "区林业局 区供销联社 区畜牧业发展中心 县总工会 县妇联", plain("区林业局", "区供销联社", "区畜牧业发展中心", "县总工会", "县妇联")],
    ["a space after a place is stray", "娄星区 人民医院", plain("娄星区人民医院")],
    ["a space inside a person's name", "张 三", plain("张三")],
    ["a space between a unit and a person is stray", "区财政局 张三", plain("区财政局张三")],
    ["a space inside a unit's name", "人力资源 和社会保障局", plain("人力资源和社会保障局")],
    ["placeholders", "无", []],
    ["a dash", "—", []],
    ["empty pieces", "、、区财政局,,", plain("区财政局")],
    ["repeats", "区财政局、区财政局、 区财政局 ", plain("区财政局")],
    ["a repeat with a title", "张三、张三（副局长）", plain("张三")],
    ["commas inside brackets", "区疾控中心(含卫生监督所,健康教育所)、区妇幼保健院", plain("区疾控中心(含卫生监督所,健康教育所)", "区妇幼保健院")],
  ])("%s: %j", (_name, text, refs) => {
    expect(splitNames(text)).toEqual(refs);
  });

  it.each<[string, string, NameRef[]]>([
    [
      "bracketed markers",
      "区人民医院（牵头），区财政局（配合）",
      [{ name: "区人民医院", role: "lead" }, { name: "区财政局", role: "support" }],
    ],
    [
      "marker words with a tail",
      "区人民医院【牵头单位】、区医保局(协办单位)、扶贫办(协助)",
      [{ name: "区人民医院", role: "lead" }, { name: "区医保局", role: "support" }, { name: "扶贫办", role: "support" }],
    ],
    ["two marker words in one bracket", "区人民医院(牵头,负责)", [{ name: "区人民医院", role: "lead" }]],
    ["主责", "区疾控中心（主责）", [{ name: "区疾控中心", role: "lead" }]],
    [
      "labels hold until the next label",
      "牵头单位：区人民医院；配合单位：区财政局、区医保局",
      [{ name: "区人民医院", role: "lead" }, { name: "区财政局", role: "support" }, { name: "区医保局", role: "support" }],
    ],
    [
      "labels separated by commas",
      "牵头：区卫生健康局，配合：区财政局",
      [{ name: "区卫生健康局", role: "lead" }, { name: "区财政局", role: "support" }],
    ],
    [
      "a bracket overrides the label",
      "配合单位：区财政局、区人社局(牵头)",
      [{ name: "区财政局", role: "support" }, { name: "区人社局", role: "lead" }],
    ],
    [
      "trailing marker words",
      "区人民医院牵头，区财政局配合",
      [{ name: "区人民医院", role: "lead" }, { name: "区财政局", role: "support" }],
    ],
    ["role-less labels are removed", "责任单位：区妇幼保健院", [{ name: "区妇幼保健院", role: null }]],
    ["负责人 is a label, not 负责", "负责人：李建宏", [{ name: "李建宏", role: null }]],
    ["a marker after a stray space", "区人民医院 （牵头）", [{ name: "区人民医院", role: "lead" }]],
    [
      "a repeat gains the role given later",
      "区财政局、区财政局（配合）",
      [{ name: "区财政局", role: "support" }],
    ],
  ])("%s: %j", (_name, text, refs) => {
    expect(splitNames(text)).toEqual(refs);
  });
});

describe("nameKey", () => {
  it.each<[string, string]>([
    ["张三（副局长）", "张三"],
    ["张三 (副局长)", "张三"],
    [" 张 三 ", "张三"],
    ["区人民医院【牵头】", "区人民医院"],
    ["陈志昂[支委]", "陈志昂"],
    ["区卫生健康局(原卫计局)", "区卫生健康局"],
    ["（待定）", "待定"],
    ["ABC Hospital", "abc hospital"],
  ])("%j -> %j", (name, key) => {
    expect(nameKey(name)).toBe(key);
  });
});

describe("findNameVariants", () => {
  const repeat = (name: string, n: number): string[] => Array.from({ length: n }, () => name);

  it("groups a place prefix with its bare form, the most mentioned first", () => {
    const names = [...repeat("区人民医院", 3), ...repeat("娄星区人民医院", 2), "区财政局", "区医保局"];
    expect(findNameVariants(names)).toEqual([
      { canonical: "区人民医院", variants: ["区人民医院", "娄星区人民医院"], counts: { 区人民医院: 3, 娄星区人民医院: 2 } },
    ]);
  });

  it("breaks ties toward the fuller name", () => {
    expect(findNameVariants(["区人民医院", "娄星区人民医院"])).toEqual([
      { canonical: "娄星区人民医院", variants: ["娄星区人民医院", "区人民医院"], counts: { 娄星区人民医院: 1, 区人民医院: 1 } },
    ]);
  });

  it("breaks ties toward the name without a title", () => {
    expect(findNameVariants(["李建宏（党组书记）", "李建宏"])).toEqual([
      { canonical: "李建宏", variants: ["李建宏", "李建宏（党组书记）"], counts: { 李建宏: 1, "李建宏（党组书记）": 1 } },
    ]);
  });

  it("counts spellings after trimming and width folding", () => {
    const names = [" 娄星区人民医院 ", "娄星区人民医院", "区人民医院", "陈 志昂", "陈志昂"];
    expect(findNameVariants(names)).toEqual([
      { canonical: "娄星区人民医院", variants: ["娄星区人民医院", "区人民医院"], counts: { 娄星区人民医院: 2, 区人民医院: 1 } },
    ]);
  });

  it.each<[string, string, string]>([
    ["an area chain", "人民医院", "娄星区人民医院"],
    ["a town", "中心卫生院", "杉山镇中心卫生院"],
    ["city and district", "娄星区财政局", "娄底市娄星区财政局"],
    ["a province", "娄底市人民医院", "湖南省娄底市人民医院"],
    ["bare 区 and a named district", "区疾控中心", "娄星区疾控中心"],
    ["bare 区 and a city with its district", "区妇幼保健院", "娄底市娄星区妇幼保健院"],
    ["bare 市 and a named city", "市第二人民医院", "乳山市第二人民医院"],
    ["bare 县", "县人民医院", "双峰县人民医院"],
    ["a titled person", "陈志昂", "陈志昂(支委)"],
  ])("groups %s: %s / %s", (_name, a, b) => {
    expect(findNameVariants([a, b]).map((g) => [...g.variants].sort())).toEqual([[a, b].sort()]);
  });

  it.each<[string, string[]]>([
    ["different units", ["区财政局", "区人民医院", "区人社局", "区医保局", "扶贫办", "区疾控中心", "区妇幼保健院"]],
    ["people sharing a surname", ["李建宏", "李建", "李宏", "陈志昂", "陈志"]],
    ["a person and one with a longer name", ["张三", "张三丰"]],
    ["a prefix that is no place", ["财政局", "区财政局"]],
    ["a one-character place stem", ["区财政局", "社区财政局"]],
    ["different levels", ["区人民医院", "娄底市人民医院"]],
    ["a bare name fitting two places", ["区人民医院", "娄星区人民医院", "雨花区人民医院"]],
    ["a town-level name fitting two towns", ["中心卫生院", "杉山镇中心卫生院", "水洞底镇中心卫生院"]],
    ["one spelling only", ["区财政局", "区财政局", " 区财政局"]],
    ["nothing", []],
    ["empty names", ["", "  "]],
  ])("never groups %s", (_name, names) => {
    expect(findNameVariants(names)).toEqual([]);
  });

  it("keeps two districts apart while grouping each with its fuller name", () => {
    const groups = findNameVariants(["娄星区人民医院", "娄底市娄星区人民医院", "雨花区人民医院", "长沙市雨花区人民医院"]);
    expect(groups.map((g) => g.variants)).toEqual([
      ["娄底市娄星区人民医院", "娄星区人民医院"],
      ["长沙市雨花区人民医院", "雨花区人民医院"],
    ]);
  });

  it("returns several groups, most mentioned first", () => {
    const names = [
      ...repeat("区人民医院", 4),
      "娄星区人民医院",
      ...repeat("陈志昂", 2),
      "陈志昂（支委）",
      "区财政局",
      "张三",
    ];
    expect(findNameVariants(names)).toEqual([
      { canonical: "区人民医院", variants: ["区人民医院", "娄星区人民医院"], counts: { 区人民医院: 4, 娄星区人民医院: 1 } },
      { canonical: "陈志昂", variants: ["陈志昂", "陈志昂（支委）"], counts: { 陈志昂: 2, "陈志昂（支委）": 1 } },
    ]);
  });

  it("handles 100k mentions of a few hundred names quickly", () => {
    const distinct: string[] = [];
    for (let i = 0; i < 300; i++) distinct.push(`区第${i}号单位局`, `娄星区第${i}号单位局`);
    const names: string[] = [];
    for (let i = 0; i < 100_000; i++) names.push(distinct[i % distinct.length]!);
    const start = performance.now();
    const groups = findNameVariants(names);
    expect(performance.now() - start).toBeLessThan(1000);
    expect(groups).toHaveLength(300);
    expect(groups[0]!.variants).toHaveLength(2);
  });
});

describe("the abbreviations of government organs", () => {
  it.each([
    ["县发改局", "县发展改革局", "县发展和改革局"],
    ["县人社局", "县人力资源和社会保障局"],
    ["市住建局", "市住房和城乡建设局"],
    ["区市场监管局", "区市场监督管理局"],
    ["县卫健局", "县卫生健康局"],
    ["县卫健委", "县卫生健康委员会"],
    ["区医保局", "区医疗保障局"],
    ["市文旅局", "市文化和旅游局"],
    ["区发改委", "区发展和改革委员会"],
    ["县医院", "县人民医院"],
    ["县政府办", "县人民政府办公室"],
    ["市残联", "市残疾人联合会"],
  ])("%s is one unit with %s", (...spellings) => {
    expect(findNameVariants(spellings).map((g) => [...g.variants].sort())).toEqual([[...spellings].sort()]);
  });

  it("keeps different organs apart", () => {
    expect(findNameVariants(["县发改局", "县人社局", "县住建局", "市发改局"])).toEqual([]);
  });

  it("suggests the most used spelling in name-variant", () => {
    const [group] = findNameVariants(["县发展和改革局", "县发改局", "县发改局"]);
    expect(group!.canonical).toBe("县发改局");
  });

  it("indexes long names in time linear in their length", () => {
    // 60 names of 32,000 characters took 12.7 s when every suffix of every name was indexed.
    const long = Array.from({ length: 60 }, (_, i) => `区${"测试单位名称很长的一段文字".repeat(2500)}${i}局`);
    expect(findNameVariants(long)).toEqual([]);
  });
});
