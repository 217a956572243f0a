/**
 * Names of units and people as ledgers write them (contract §5): several to a cell
 * ("区医保局、扶贫办"), with role markers ("区人民医院（牵头）"), titles ("张三（副局长）"), stray
 * spaces ("张 三") and place prefixes that come and go ("区人民医院" / "娄星区人民医院").
 */
import { fold, foldWidth } from "./text.js";
import { UnionFind } from "./union-find.js";
import { abbreviateUnit } from "./unit-abbreviations.js";

const HAN = "\\p{Script=Han}";
/** Characters beside which a space is stray: Han, and the brackets around titles. */
const TIGHT = new RegExp(`[${HAN}()（）【】\\[\\]《》]`, "u");
const EDGE_PUNCT_END = /[\s。，,、；;：:.!?！？…·\-—_/\\|]+$/u;
const EDGE_PUNCT_START = /^[\s。，,、；;：:.!?！？…·\-—_/\\|]+/u;

/**
 * A name as it should be displayed and counted: full-width digits, letters and spaces folded
 * (foldWidth: Chinese brackets and commas stay as written), trimmed,
 * spaces next to Chinese characters removed ("张 三" -> "张三"), other runs of space collapsed
 * ("John  Smith" -> "John Smith"), separators left at either end dropped ("区财政局、" -> "区财政局").
 */
export function cleanName(text: string): string {
  return foldWidth(text)
    .trim()
    .replace(/\s+/gu, spaceBetween)
    .replace(EDGE_PUNCT_END, "")
    .replace(EDGE_PUNCT_START, "");
}

// No lookbehind: older Safari web views (Office add-ins on macOS) reject it at parse time.
function spaceBetween(_space: string, at: number, text: string): string {
  const before = text.charAt(at - 1);
  const after = text.charAt(at + _space.length);
  return TIGHT.test(before) || TIGHT.test(after) ? "" : " ";
}

export interface NameRef {
  readonly name: string;
  readonly role: "lead" | "support" | null;
}

type Role = NameRef["role"];

const LEAD_WORDS = ["牵头", "主责", "负责", "主办"];
const SUPPORT_WORDS = ["配合", "协助", "协办", "参与", "协同"];
/** What may follow a role word in a marker or label: 牵头单位, 配合部门, 协办科室. */
const MARKER_TAIL = "(?:单位|部门|科室|股室|股站室|领导|责任人|人)?";
const ROLE_WORD = `(${[...LEAD_WORDS, ...SUPPORT_WORDS].join("|")})`;
/** "(牵头)", "【配合单位】", "(牵头,负责)": the first role word decides. */
const BRACKET_MARKER = new RegExp(
  `[(（\\[【]${ROLE_WORD}${MARKER_TAIL}(?:[,，、/和及](?:${ROLE_WORD.slice(1, -1)})${MARKER_TAIL})*[)）\\]】]`,
  "u",
);
/**
 * "牵头单位:", "配合:"; also role-less labels ("责任单位:", "负责人:") that only need removing.
 * The role-less ones come first so 负责人 is a label, not 负责 (lead) + 人.
 */
const LABEL = new RegExp(`^(?:(?:具体)?(?:负责人|责任人)|责任(?:单位|部门|科室|股室|领导)|${ROLE_WORD}${MARKER_TAIL})\\s*[:：]`, "u");
/** "区人民医院牵头", "区财政局配合": a role word after a name of two or more characters. */
const SUFFIX_MARKER = new RegExp(`^(.{2,}?)${ROLE_WORD}$`, "u");

/** Cells that hold no name. */
const PLACEHOLDERS = new Set(["无", "暂无", "-", "—", "——", "空", "none"]);

/**
 * The names a cell lists, in order, each with the role its marker gives (null when unmarked).
 *
 * Separators: 、，,/；; and line breaks, outside brackets only. 和/及/与 are never separators when
 * written tight: they live inside unit names (区卫生和计划生育局, 人力资源和社会保障局). With spaces on
 * both sides (" 和 ") they separate, but only two names of two or more characters each. A plain
 * space separates only two names of the same kind (two units, or two people), so "区医保局 扶贫办"
 * is two names while "娄星区 人民医院" and "张 三" are one.
 *
 * Roles: a bracketed marker "(牵头)" / "(配合单位)"; a label "牵头单位：" that holds for the names
 * after it until the next label; a trailing word "区人民医院牵头". Placeholders such as 无 and "-"
 * are dropped; a name listed twice (same nameKey) is kept once, with the first role given.
 */
export function splitNames(text: string): NameRef[] {
  const refs: NameRef[] = [];
  const seen = new Map<string, number>();
  let labelRole: Role = null;
  for (const piece of splitTopLevel(foldWidth(text))) {
    const label = LABEL.exec(piece.trim());
    let body = piece.trim();
    if (label) {
      labelRole = roleOfWord(label[1]);
      body = body.slice(label[0].length);
    }
    for (const part of splitSpaced(body)) {
      const ref = parseRef(part, labelRole);
      if (ref) add(refs, seen, ref);
    }
  }
  return refs;
}

function add(refs: NameRef[], seen: Map<string, number>, ref: NameRef): void {
  const key = nameKey(ref.name);
  const at = seen.get(key);
  if (at === undefined) {
    seen.set(key, refs.length);
    refs.push(ref);
  } else if (refs[at]!.role === null && ref.role !== null) {
    refs[at] = { name: refs[at]!.name, role: ref.role };
  }
}

function roleOfWord(word: string | undefined): Role {
  if (word === undefined) return null;
  return LEAD_WORDS.includes(word) ? "lead" : SUPPORT_WORDS.includes(word) ? "support" : null;
}

/** One name with its markers taken off, or null for a placeholder or nothing. */
function parseRef(part: string, fallback: Role): NameRef | null {
  let role = fallback;
  let body = part;
  const bracket = BRACKET_MARKER.exec(body);
  if (bracket) {
    role = roleOfWord(bracket[1]);
    body = body.slice(0, bracket.index) + body.slice(bracket.index + bracket[0].length);
  } else {
    const suffix = SUFFIX_MARKER.exec(cleanName(body));
    if (suffix) {
      role = roleOfWord(suffix[2]);
      body = suffix[1]!;
    }
  }
  const name = cleanName(body);
  if (name === "" || PLACEHOLDERS.has(name.toLowerCase())) return null;
  return { name, role };
}

const SEPARATORS = new Set(["、", "，", ",", "/", "／", "；", ";", "\n", "\r", "\u2028", "\u2029"]);
const OPEN = "(（[【《“‘";
const CLOSE = ")）]】》”’";

/** Split on separators outside brackets: "区人民医院(牵头,负责)、区财政局" is two pieces. */
function splitTopLevel(text: string): string[] {
  const pieces: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && SEPARATORS.has(ch)) {
      pieces.push(text.slice(start, i));
      start = i + 1;
    }
  }
  pieces.push(text.slice(start));
  return pieces.filter((p) => p.trim() !== "");
}

/**
 * A unit's name ends in one of these. 会, 组, 科 and 部 only in longer words: alone they end
 * given names too (李会, 王科).
 */
const UNIT_END = /(?:局|办|院|中心|委|委员会|协会|小组|工作组|科室|股室|办公室|室|股|站|所|事业部|处|队|馆|公司|政府|街道|社区|党委|党组|支部|学校|医院|联社|合作社|集团|银行|工会|联合会|商会|红十字会|海关|妇联|残联|侨联|文联|工商联|科协)$/u;
/** A place on its own: "娄星区" is the start of a unit's name, not a name. */
const PLACE_END = /[省市区县镇乡村]$/u;
const PERSON = new RegExp(`^${HAN}{2,3}$`, "u");

type Kind = "unit" | "person" | null;

function kindOf(token: string): Kind {
  const t = token.replace(/[(（][^()（）]*[)）]|【[^【】]*】/gu, "");
  if (UNIT_END.test(t)) return "unit";
  if (PERSON.test(t) && !PLACE_END.test(t)) return "person";
  return null;
}

/** A cell whose first name reads as a unit (ends 局, 办, 中心, 医院…): evidence for a unit column. */
export function looksLikeUnit(cell: string): boolean {
  const first = splitNames(cell)[0];
  return first !== undefined && kindOf(first.name) === "unit";
}

/** A cell whose first name reads as a person's (two or three Han characters, not a place). */
export function looksLikePerson(cell: string): boolean {
  const first = splitNames(cell)[0];
  return first !== undefined && kindOf(first.name) === "person";
}

/**
 * Split one piece on " 和 " / " 及 " / " 与 " and on plain spaces, where the words on both sides
 * are whole names of one kind; otherwise the space is a stray one inside a name.
 */
function splitSpaced(piece: string): string[] {
  const words = piece.trim().split(/\s+/u).filter((w) => w !== "");
  const out: string[] = [];
  let current = "";
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (current === "") {
      current = w;
    } else if (/^[和及与]$/u.test(w) && i + 1 < words.length && cleanName(current).length >= 2 && cleanName(words[i + 1]!).length >= 2) {
      out.push(current);
      current = "";
    } else if (sameKind(current, w)) {
      out.push(current);
      current = w;
    } else {
      current = `${current} ${w}`;
    }
  }
  if (current !== "") out.push(current);
  return out;
}

function sameKind(left: string, right: string): boolean {
  const k = kindOf(cleanName(left));
  return k !== null && k === kindOf(cleanName(right));
}

/** Brackets whose content is a title or remark: (副局长), 【牵头】, [原卫计局]. */
const REMARKS = /\([^()]*\)|【[^【】]*】|\[[^[\]]*\]/gu;

/**
 * What two spellings must share to be one name: cleanName without bracketed titles and remarks
 * ("张三（副局长）" -> "张三"), Latin letters lower-cased. A name that is nothing but brackets
 * keeps its content.
 */
export function nameKey(name: string): string {
  // Compared fully folded: （ and ( are one bracket here.
  const clean = fold(cleanName(name));
  const bare = clean.replace(REMARKS, "").trim();
  return (bare === "" ? clean.replace(/[()【】[\]]/gu, "") : bare).toLowerCase();
}

export interface NameVariantGroup {
  readonly canonical: string;
  /** Every spelling in the group, the canonical first, then by count, length and text. */
  readonly variants: string[];
  /** Mentions per spelling. */
  readonly counts: Record<string, number>;
}

/**
 * Spellings (after cleanName) that name one unit or person, in groups of two or more.
 *
 * Two spellings go together when they have the same nameKey, or when one key is the other with
 * an administrative place in front:
 * - the extra leading part is a chain of places, each ending in 省/自治区/市/区/县/旗/镇/乡/街道
 *   ("人民医院" / "娄星区人民医院", "中心卫生院" / "杉山镇中心卫生院", "娄星区财政局" / "湖南省娄底市娄星区财政局");
 * - the shorter starts with a bare 区/市/县/镇/乡 and the longer puts a place name of 2 to 6
 *   characters before it ("区人民医院" / "娄星区人民医院").
 * A shorter spelling that fits two different places ("区人民医院" beside both "娄星区人民医院" and
 * "雨花区人民医院") is left alone: it could be either. Keys shorter than two characters never match
 * by place.
 *
 * The canonical spelling is the most mentioned one, ties going to the fuller name (longer
 * nameKey), then to the plainer spelling (no title in brackets), then to code-point order.
 * Groups come most mentioned first. `names` is every mention, or the mentions counted per spelling.
 */
export function findNameVariants(names: Iterable<string> | ReadonlyMap<string, number>): NameVariantGroup[] {
  const counts = countSpellings(names);
  const spellings = [...counts.keys()];
  const uf = new UnionFind(spellings.length);
  // Keys in their short form (县发展和改革局 → 县发改局): one unit however it is abbreviated.
  const byKey = new Map<string, number>();
  spellings.forEach((s, i) => {
    const key = abbreviateUnit(nameKey(s));
    const first = byKey.get(key);
    if (first === undefined) byKey.set(key, i);
    else uf.union(first, i);
  });
  for (const [short, long] of placePairs([...byKey.keys()])) uf.union(byKey.get(short)!, byKey.get(long)!);
  return collectGroups(spellings, counts, uf);
}

/** Mentions per cleaned spelling (from a list of mentions, or counts per spelling); raw strings are cleaned once each. */
function countSpellings(names: Iterable<string> | ReadonlyMap<string, number>): Map<string, number> {
  let raw: ReadonlyMap<string, number>;
  if (names instanceof Map) raw = names;
  else {
    const tally = new Map<string, number>();
    for (const n of names as Iterable<string>) tally.set(n, (tally.get(n) ?? 0) + 1);
    raw = tally;
  }
  const counts = new Map<string, number>();
  for (const [n, c] of raw) {
    const s = cleanName(n);
    if (s !== "") counts.set(s, (counts.get(s) ?? 0) + c);
  }
  return counts;
}

const PLACE_CHAIN = new RegExp(`^(?:${HAN}{1,8}?(?:省|自治区|市|区|县|旗|镇|乡|街道))+$`, "u");
const PLACE_STEM = new RegExp(`^${HAN}{2,6}$`, "u");
const BARE_LEVEL = /^[区市县镇乡]/u;

/** A place prefix longer than this is no place ("湖南省娄底市娄星区杉山镇" is 11). */
const MAX_PLACE_PREFIX = 24;

/** Is `long` the key `short` with a place in front (see findNameVariants)? */
function placePrefixed(short: string, long: string): boolean {
  if (short.length < 2 || long.length <= short.length || !long.endsWith(short)) return false;
  const extra = long.slice(0, long.length - short.length);
  if (PLACE_CHAIN.test(extra)) return true;
  return BARE_LEVEL.test(short) && short.length >= 3 && PLACE_STEM.test(extra);
}

/**
 * Pairs (shorter key, longer key) joined by a place prefix. Candidates come from an index of
 * each key's suffixes after a place prefix of at most MAX_PLACE_PREFIX characters, so the work
 * grows with the keys' total length, never with a key's length squared (60 keys of 32,000
 * characters took 12.7 s when every suffix was indexed). A shorter key whose longer matches
 * are not one chain (each ending with the one before) is ambiguous and joins nothing.
 */
function placePairs(keys: string[]): Array<[string, string]> {
  const bySuffix = new Map<string, string[]>();
  for (const k of keys) {
    for (let i = 1; i <= Math.min(k.length - 2, MAX_PLACE_PREFIX); i++) {
      const suffix = k.slice(i);
      const list = bySuffix.get(suffix);
      if (list) list.push(k);
      else bySuffix.set(suffix, [k]);
    }
  }
  const pairs: Array<[string, string]> = [];
  for (const short of keys) {
    const longer = (bySuffix.get(short) ?? []).filter((long) => placePrefixed(short, long));
    if (longer.length === 0 || !isChain(longer)) continue;
    pairs.push([short, longer.reduce((a, b) => (a.length <= b.length ? a : b))]);
  }
  return pairs;
}

/** "娄星区人民医院", "娄底市娄星区人民医院": one place said more or less fully. */
function isChain(names: string[]): boolean {
  const sorted = [...names].sort((a, b) => a.length - b.length);
  return sorted.every((n, i) => i === 0 || n.endsWith(sorted[i - 1]!));
}

function collectGroups(spellings: string[], counts: Map<string, number>, uf: UnionFind): NameVariantGroup[] {
  const members = new Map<number, string[]>();
  spellings.forEach((s, i) => {
    const root = uf.find(i);
    const list = members.get(root);
    if (list) list.push(s);
    else members.set(root, [s]);
  });
  const groups: Array<NameVariantGroup & { total: number }> = [];
  for (const list of members.values()) {
    if (list.length < 2) continue;
    const variants = list.sort((a, b) => byPreference(a, b, counts));
    const groupCounts: Record<string, number> = {};
    let total = 0;
    for (const v of variants) {
      const c = counts.get(v)!;
      groupCounts[v] = c;
      total += c;
    }
    groups.push({ canonical: variants[0]!, variants, counts: groupCounts, total });
  }
  groups.sort((a, b) => b.total - a.total || compareText(a.canonical, b.canonical));
  return groups.map(({ canonical, variants, counts: c }) => ({ canonical, variants, counts: c }));
}

/**
 * Most mentioned first; then the fuller name (longer nameKey: 娄星区人民医院 over 区人民医院);
 * then the plainer spelling (张三 over 张三(副局长), whose extra length is only a title); then
 * code-point order, so results are stable.
 */
function byPreference(a: string, b: string, counts: Map<string, number>): number {
  return (
    counts.get(b)! - counts.get(a)! ||
    nameKey(b).length - nameKey(a).length ||
    a.length - b.length ||
    compareText(a, b)
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}


/** The cleaned names a unit or leader cell holds, in order, repeats kept ("区医保局、扶贫办" → two). */
export function cleanNamesIn(cell: string): string[] {
  return splitNames(cell).map((ref) => cleanName(ref.name)).filter((n) => n !== "");
}

/** The distinct cleaned names a cell holds: the units (or leaders) an item counts for (contract §5). */
export function namesInCell(cell: string): string[] {
  return [...new Set(cleanNamesIn(cell))];
}
