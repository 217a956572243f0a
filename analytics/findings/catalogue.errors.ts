/**
 * The catalogue of what a clerk reads when Taizhang cannot go on: each message a stable code and
 * a template in Chinese and English (after frictionless-py's error catalogue). Errors carry the
 * code and its parameters; the command line and the pane say them in the user's language.
 * Codes are stable: add codes, never rename one. A {name} slot is filled from the parameters.
 */
export const ERROR_MESSAGES = {
  // ── Why a workbook could not be read (WorkbookReadError's codes, analytics/xlsx/errors.ts).
  "workbook-not-found": { zh: "找不到文件", en: "file not found" },
  /** The file is there but cannot be read (permissions, a file-system fault): not "not found". */
  "workbook-unreadable": { zh: "无法读取文件", en: "the file cannot be read" },
  "workbook-not-xlsx": { zh: "不是 Excel 工作簿（.xlsx）", en: "not an Excel workbook (.xlsx)" },
  "workbook-legacy-xls": {
    zh: "这是旧版 .xls 文件，请在 Excel 或 WPS 中“另存为”.xlsx 后再试",
    en: "a legacy .xls file: save it as .xlsx in Excel or WPS, then try again",
  },
  "workbook-encrypted": {
    zh: "工作簿设置了打开密码，请在 Excel 中去掉密码（文件→信息→保护工作簿→用密码进行加密，清空）后再试",
    en: "the workbook is password-protected: remove the password in Excel (File → Info → Protect Workbook → Encrypt with Password, clear it), then try again",
  },
  "workbook-corrupt": { zh: "文件已损坏或不完整（可能没有下载或复制完）", en: "the file is damaged or incomplete (perhaps not fully downloaded or copied)" },
  // Said of every kind of file (an .xlsx, an .xls, a page, a CSV): what is too large, and why a
  // zip may be a bomb, is the detail's to say.
  "workbook-too-large": {
    zh: "文件大得不合理，已拒绝读取",
    en: "the file is absurdly large and was refused",
  },
  "workbook-empty": { zh: "工作簿是空的，没有任何内容", en: "the workbook is empty" },
  /** A reason above with what exactly was wrong. */
  "workbook-reason-detail": { zh: "{reason}：{detail}", en: "{reason}: {detail}" },

  // ── The detail: which part of the file, and what about it.
  "file-is-folder": { zh: "这是一个文件夹", en: "it is a folder, not a file" },
  "file-not-regular": {
    zh: "这不是普通文件（是管道、设备或套接字），无法当作工作簿读取",
    en: "not a regular file (a pipe, a device or a socket), so it cannot be read as a workbook",
  },
  "file-size": { zh: "{size} MiB", en: "{size} MiB" },
  "file-permission": { zh: "没有读取权限", en: "permission denied" },
  "file-link-loop": { zh: "快捷方式（符号链接）指向自己，形成了循环", en: "the symbolic link points back at itself, in a loop" },
  "file-system-problem": { zh: "{problem}", en: "{problem}" },
  "file-zero-bytes": { zh: "文件是空的，0 字节", en: "the file is 0 bytes" },
  "file-xlsb": {
    zh: "这是二进制工作簿（.xlsb），请在 Excel 中“另存为”.xlsx 后再试",
    en: "an .xlsb binary workbook: save it as .xlsx in Excel, then try again",
  },
  "file-ods": { zh: "这是 OpenDocument 表格（.ods），请另存为 .xlsx 后再试", en: "an OpenDocument spreadsheet (.ods): save it as .xlsx, then try again" },
  "file-html": {
    zh: "这是网页（HTML）文件，只是文件名像 Excel 表格：请用 Excel 或 WPS 打开，“另存为”.xlsx 后再试",
    en: "a web page (HTML) with a spreadsheet's file name: open it in Excel or WPS, save it as .xlsx, then try again",
  },
  "file-xml-2003": {
    zh: "这是 Excel 2003 XML 表格：请用 Excel 或 WPS 打开，“另存为”.xlsx 后再试",
    en: "an Excel 2003 XML spreadsheet: open it in Excel or WPS, save it as .xlsx, then try again",
  },
  "file-text": {
    zh: "这是文本文件（如 CSV）：请用 Excel 或 WPS 打开，“另存为”.xlsx 后再试",
    en: "a text file (such as CSV): open it in Excel or WPS, save it as .xlsx, then try again",
  },
  "file-word": { zh: "这是 Word 文档", en: "a Word document" },
  "zip-without-workbook": { zh: "压缩包里没有工作簿", en: "a zip without a workbook in it" },
  "zip-unreadable": { zh: "无法解开压缩包（{problem}）", en: "the zip cannot be unpacked ({problem})" },
  // Why the zip's directory cannot be read (the {problem} of zip-unreadable).
  "zip-no-directory": { zh: "找不到压缩包的目录，文件末尾可能缺了一段", en: "no zip directory (the file ends early)" },
  "zip-directory-short": { zh: "压缩包的目录不完整", en: "central directory cut short" },
  "zip-bad-zip64": { zh: "zip64 目录有误", en: "bad zip64 directory" },
  "zip-directory-damaged": { zh: "压缩包的目录有误", en: "the zip's directory is damaged" },
  "zip-part-unreadable": { zh: "{part}：无法解压（{problem}）", en: "{part}: cannot be unpacked ({problem})" },
  // What fflate's error codes mean, in the user's words (its own messages are English).
  "zip-part-damaged": { zh: "{part}：压缩数据已损坏，无法解压", en: "{part}: the compressed data is damaged" },
  "zip-part-ends-early": { zh: "{part}：压缩数据不完整，文件可能没有下载完", en: "{part}: the compressed data ends early (an unfinished download?)" },
  "zip-duplicate-part": { zh: "{part}：压缩包里有两个同名部件", en: "{part}: two entries of one name" },
  "zip-compression-ratio": { zh: "{part} 压缩比 {ratio}:1（可能是压缩炸弹）", en: "{part}: compression ratio {ratio}:1 (it may be a zip bomb)" },
  "zip-compression-ratio-together": {
    zh: "要读的 {count} 个部件合计压缩比 {ratio}:1（可能是压缩炸弹）",
    en: "the {count} parts to read compress {ratio}:1 together (it may be a zip bomb)",
  },
  "zip-unpacked-size": { zh: "解压后有 {size} MiB（可能是压缩炸弹）", en: "{size} MiB unpacked (it may be a zip bomb)" },
  "zip-beyond-declared": { zh: "{part} 实际大小超过声明", en: "{part} unpacks beyond its declared size" },
  "zip-cut-short": { zh: "{part}：数据不完整", en: "{part}: data cut short" },
  "zip-checksum": { zh: "{part}：校验和不符", en: "{part}: CRC mismatch" },
  "zip-method": { zh: "{part}：不支持的压缩方式 {method}", en: "{part}: unsupported compression method {method}" },
  "zip-encrypted-part": {
    zh: "{part}：被压缩软件加了密码，Excel 也打不开这样的文件，请用原来的文件",
    en: "{part}: encrypted by a zip tool, which Excel cannot open either; use the original file",
  },
  "zip-local-header": { zh: "{part}：文件头缺失", en: "{part}: local header missing" },
  "xml-encoding": { zh: "{part}：不支持的字符编码 {label}", en: "{part}: unsupported encoding {label}" },
  // Where the parser stopped, in the user's words; its English reason is left out of the line.
  "xml-syntax-at": { zh: "{part}：第 {offset} 个字符附近的 XML 有误", en: "{part}: bad XML near character {offset}" },
  "xml-long-run": { zh: "{part}：一段内容超过 {limit} 个字符", en: "{part}: a run of more than {limit} characters, longer than any cell can hold" },
  "xml-cell-too-long": { zh: "{part} {where}：超过 {limit} 个字符", en: "{part} {where}: more than {limit} characters, more than a cell can hold" },
  "xml-cut-short": { zh: "{part}：内容不完整", en: "{part}: cut short" },
  "xml-left-open": { zh: "{part}：<{element}> 没有结束", en: "{part}: <{element}> is left open (the part is cut short)" },
  "xml-doctype": { zh: "{part}：含有 DOCTYPE 声明", en: "{part}: a DOCTYPE, which no spreadsheet writes" },
  "xml-mismatched-tag": { zh: "{part}：</{element}> 与开始标记不配对", en: "{part}: the end tag </{element}> matches no start tag" },
  "xml-two-roots": { zh: "{part}：有多个根元素", en: "{part}: more than one root element" },
  "xml-bad-character": { zh: "{part}：&{reference}; 不是有效字符", en: "{part}: &{reference}; refers to no character" },
  "xml-undefined-entity": { zh: "{part}：&{reference}; 未定义", en: "{part}: &{reference}; is an undefined entity" },
  "sheet-no-data": { zh: "{part}：没有 <sheetData>", en: "{part}: no <sheetData>" },
  "sheet-cut-short": { zh: "{part}：工作表在 <sheetData> 中间中断", en: "{part}: the worksheet ends inside <sheetData>" },
  "sheet-bad-reference": { zh: "{part}：单元格引用“{reference}”无法识别", en: "{part}: the cell reference “{reference}” is not one" },
  "sheet-missing-shared-string": {
    zh: "{part}：单元格 {where} 引用的第 {index} 个共享字符串不存在，文字已丢失",
    en: "{part}: the cell {where} points at shared string {index}, which the workbook does not have (its text is lost)",
  },
  "sheet-bad-shared-string-index": {
    zh: "{part}：单元格 {where} 的共享字符串编号“{index}”不是整数，文字无法确定",
    en: "{part}: the cell {where} gives “{index}” as its shared string number, which is not a whole number (its text cannot be told)",
  },
  "sheet-merges-overlapping": {
    zh: "{part}：{count} 处合并单元格范围过大且相互重叠",
    en: "{part}: {count} merged ranges, so large and so overlapping that no sheet could hold them",
  },
  "sheet-bad-row": { zh: "{part}：行号“{reference}”无法识别", en: "{part}: the row number “{reference}” is not one" },
  "sheet-out-of-grid": {
    zh: "{part}：单元格 {reference} 超出 Excel 的范围（最多 XFD 列、1048576 行）",
    en: "{part}: the cell {reference} lies past Excel's grid (XFD1048576)",
  },
  "sheet-part-missing": {
    zh: "工作表“{sheet}”的内容（{part}）在文件里找不到",
    en: "the sheet “{sheet}” is listed but its content ({part}) is not in the file",
  },
  "book-too-many-cells": {
    zh: "单元格超过 {limit} 个，远超任何台账的规模，已停止读取；请删去与台账无关的工作表后再试",
    en: "more than {limit} cells, far beyond any ledger: reading stopped; delete the sheets that are not the ledger, then try again",
  },
  "book-too-much-text": {
    zh: "文字超过 {limit} 个字符，远超任何台账的规模，已停止读取；请删去与台账无关的工作表后再试",
    en: "more than {limit} characters of text, far beyond any ledger: reading stopped; delete the sheets that are not the ledger, then try again",
  },
  "book-no-sheets": { zh: "没有工作表", en: "no sheets" },
  "spreadsheet-2003-bad-index": {
    zh: "工作表“{sheet}”里的位置编号“{index}”不在前一格之后，或超出 Excel 的范围（最多 16384 列、1048576 行）",
    en: "the sheet “{sheet}” places a row or cell at “{index}”, not after the one before it or past Excel's grid (16,384 columns, 1,048,576 rows)",
  },
  "spreadsheet-2003-too-large": {
    zh: "Excel 2003 XML 文件有 {size} MB，远超任何台账",
    en: "an Excel 2003 XML file of {size} MB, far beyond any ledger",
  },
  "text-file-empty": { zh: "文本文件里没有内容", en: "a text file with nothing in it" },
  "text-file-too-large": { zh: "文本文件有 {size} MB，远超任何台账", en: "a text file of {size} MB, far beyond any ledger" },
  "text-file-open-quote": {
    zh: "第 {row} 行有一个字段以引号开头，直到文件末尾都没有闭合，其后各行无法分开；请补上右引号后再试",
    en: "a field on line {row} opens a quote the file never closes, so the lines after it cannot be told apart: add the closing quote, then try again",
  },
  "text-file-long-field": {
    zh: "第 {row} 行第 {field} 个字段超过 {limit} 个字符，多半是少了一个右引号",
    en: "field {field} of line {row} runs past {limit} characters: most likely a closing quote is missing",
  },
  "text-file-beyond-grid": {
    zh: "文本文件“{sheet}”的行或列超出 Excel 的范围（最多 16384 列、1048576 行）",
    en: "the text file “{sheet}” has more rows or columns than Excel's grid (16,384 columns, 1,048,576 rows)",
  },
  "page-no-table": { zh: "网页里没有表格或文字", en: "a web page with no table and no text" },
  "page-nested-too-deep": {
    zh: "网页的标签嵌套超过 {limit} 层，不是可读的表格页面",
    en: "a web page whose elements nest more than {limit} deep: no table page does",
  },
  "page-too-large": { zh: "网页有 {size} MB，远超任何台账", en: "a web page of {size} MB, far beyond any ledger" },
  "page-long-text": {
    zh: "网页里有一格或一段文字超过 {limit} 个字符，超出 Excel 一格能放的长度",
    en: "a web page with a cell or line of text longer than {limit} characters, more than an Excel cell holds",
  },
  "page-beyond-grid": {
    zh: "网页“{sheet}”的表格超出 Excel 的范围（最多 16384 列、1048576 行）",
    en: "the web page “{sheet}” holds a table past Excel's grid (16,384 columns, 1,048,576 rows)",
  },
  // ── A legacy .xls (BIFF8 in an OLE compound file): what in it could not be read.
  "xls-container-damaged": {
    zh: ".xls 文件的内部结构（复合文档）已损坏",
    en: "the .xls file's container (its compound document structure) is damaged",
  },
  "xls-too-large": {
    zh: ".xls 文件有 {size} MiB，超过旧版格式能装下的任何台账（上限 {limit} MiB）",
    en: "the .xls file is {size} MiB, more than any ledger in the legacy format holds (the limit is {limit} MiB)",
  },
  "xls-no-workbook-stream": { zh: ".xls 文件里没有工作簿数据", en: "the .xls file holds no workbook data (no Workbook stream)" },
  "xls-biff5": { zh: "Excel 5.0/95 格式（BIFF5），早于 Excel 97–2003，无法直接读取", en: "an Excel 5.0/95 file (BIFF5), older than Excel 97–2003, which cannot be read as it is" },
  "xls-biff4": { zh: "Excel 2.x–4.0 格式，早于 Excel 97–2003，无法直接读取", en: "an Excel 2.x–4.0 file, older than Excel 97–2003, which cannot be read as it is" },
  "xls-record-past-end": {
    zh: "工作簿数据在第 {offset} 字节处中断",
    en: "the record at byte {offset} runs past the end of the workbook data",
  },
  "xls-cut-short": { zh: "工作簿数据没有结束就中断了", en: "the workbook data ends before its end record" },
  "xls-bad-record": { zh: "第 {offset} 字节处的 {record} 记录有误", en: "the {record} record at byte {offset} is malformed" },
  "xls-sheets-overlap": { zh: "几个工作表的数据位置相互重叠", en: "the sheets' data are placed over one another" },
  "xls-sheet-missing": { zh: "工作表“{sheet}”的数据在文件里找不到", en: "the sheet “{sheet}” is listed but its data is not in the file" },
  "xls-out-of-grid": {
    zh: "工作表“{sheet}”第 {row} 行第 {column} 列超出 .xls 的范围（最多 IV 列、65536 行）",
    en: "the sheet “{sheet}” has a cell at row {row}, column {column}, past an .xls sheet's grid (IV65536)",
  },
  "xls-missing-shared-string": {
    zh: "工作表“{sheet}”单元格 {where} 引用的第 {index} 个共享字符串不存在，文字已丢失",
    en: "the sheet “{sheet}”: the cell {where} points at shared string {index}, which the file does not have (its text is lost)",
  },

  // ── The command line: a file, an option or an output it cannot use (exit 2).
  "file-problem": { zh: "{file}: {problem}", en: "{file}: {problem}" },
  "no-such-sheet": { zh: "{file}: 没有名为“{sheet}”的工作表，现有 {sheets}", en: "{file}: no sheet named “{sheet}”; the sheets are {sheets}" },
  "no-ledger-in-file": {
    zh: "{file}: 没有找到台账（需要“问题/任务”“责任单位/责任人”“完成时限”“完成情况”等表头）",
    en: "{file}: no ledger found (no sheet has headers such as task, unit or owner, deadline and status)",
  },
  "option-day": { zh: "{option} 需要 YYYY-MM-DD 格式的日期，收到“{value}”", en: "{option} takes a day as YYYY-MM-DD, not “{value}”" },
  "option-base-year": { zh: "--base-year 需要四位年份，收到“{value}”", en: "--base-year takes a four-digit year, not “{value}”" },
  "option-due-soon-days": { zh: "--due-soon-days 需要 0–999 的整数，收到“{value}”", en: "--due-soon-days takes a whole number of days from 0 to 999, not “{value}”" },
  "option-reply-days": { zh: "--reply-days 需要 0–99 的整数（工作日），收到“{value}”", en: "--reply-days takes a whole number of working days from 0 to 99, not “{value}”" },
  "option-lang": { zh: "--lang 只能是 zh 或 en，收到“{value}”", en: "--lang is zh or en, not “{value}”" },
  "output-required": { zh: "需要用 -o 指定输出文件", en: "-o OUT.xlsx is required" },
  "output-not-xlsx": { zh: "输出文件须以 .xlsx 结尾，收到“{path}”", en: "-o must name an .xlsx file, not “{path}”" },
  "output-extension-for-kind": {
    zh: "{file} 是{kind}，输出文件须以 {ext} 结尾（否则 Excel 打不开），收到“{path}”",
    en: "{file} is a {kind}: -o must name a {ext} file (Excel will not open it otherwise), not “{path}”",
  },
  "sheet-out-of-order": {
    zh: "工作表“{sheet}”的行或单元格未按顺序排列，无法只改动需要改的单元格；请在 Excel 或 WPS 中打开并保存一次后再试",
    en: "the rows or cells of sheet “{sheet}” are not in order, so normalize cannot change only the cells it must; open and save it once in Excel or WPS, then try again",
  },
  "package-kind-macro-workbook": { zh: "启用宏的工作簿", en: "macro-enabled workbook" },
  "package-kind-template": { zh: "Excel 模板", en: "Excel template" },
  "package-kind-macro-template": { zh: "启用宏的 Excel 模板", en: "macro-enabled Excel template" },
  "output-is-input": { zh: "输出文件不能是输入文件本身：{path}", en: "the output must not be the input ({path}); the input is never written" },
  "output-is-folder": { zh: "{path}: 这是一个文件夹，请给出文件名", en: "{path}: -o names a folder; give a file name" },
  "output-folder-missing": { zh: "{folder}: 输出文件夹不存在", en: "{folder}: the output folder does not exist" },
  "output-folder-unwritable": { zh: "{folder}: 输出文件夹不可写", en: "{folder}: the output folder is not writable" },
  "stdout-disk-full": { zh: "无法写出结果：磁盘空间不足", en: "the output cannot be written: the disk is full" },
  "stdout-not-written": { zh: "无法写出结果（{problem}）", en: "the output cannot be written ({problem})" },
  "output-disk-full": { zh: "{path}: 磁盘空间不足，未写入任何文件", en: "{path}: the disk is full: nothing written" },
  "output-unwritable": { zh: "{path}: 无法写入输出文件（{problem}）", en: "{path}: cannot write the output ({problem})" },
  "names-file-missing": { zh: "{path}: 找不到名称对照文件", en: "{path}: names file not found" },
  "names-file-invalid": { zh: "{path}: {problem}", en: "{path}: {problem}" },
  "names-both-sides": { zh: "{where}：两边都要有名称", en: "{where}: a name is needed on both sides" },
  "names-mapped-twice": { zh: "{where}：“{variant}”已映射为“{earlier}”", en: "{where}: “{variant}” is already mapped to “{earlier}”" },
  "names-line-form": { zh: "第{line}行应写作“原名称 = 规范名称”，收到“{text}”", en: "line {line}: write “variant = canonical”, not “{text}”" },
  "names-line": { zh: "第{line}行", en: "line {line}" },
  "names-json-key": { zh: "“{key}”", en: "“{key}”" },
  "names-not-json": { zh: "不是有效的 JSON（{problem}）", en: "not valid JSON ({problem})" },
  "names-json-not-object": { zh: "JSON 应是 {“原名称”: “规范名称”} 形式的对象", en: "the JSON must be an object of {“variant”: “canonical”}" },
  "names-json-not-text": { zh: "“{key}”的值应是文字", en: "the value of “{key}” must be a string" },
  "columns-empty": { zh: "--columns 为空：请写成“表头=角色”，如 时间节点=deadline", en: "--columns is empty: write HEADER=ROLE, e.g. 时间节点=deadline" },
  "columns-pair": { zh: "--columns 的“{pair}”应写成“表头=角色”，如 时间节点=deadline", en: "--columns “{pair}” should be HEADER=ROLE, e.g. 时间节点=deadline" },
  "columns-unknown-role": { zh: "--columns 中没有“{name}”这一角色，可用：{roles}", en: "--columns: “{name}” is not a role; roles are {roles}" },
  "columns-header-twice": { zh: "--columns 中“{header}”出现了两次", en: "--columns names “{header}” twice" },
  "columns-headers-missing": { zh: "--columns 指定的表头 {headers} 在工作表 {sheets} 中找不到", en: "--columns names {headers}, which no header of the sheets {sheets} holds" },
  "rules-file-unreadable": { zh: "无法读取规则文件 {file}", en: "cannot read the rules file {file}" },
  "rules-file-invalid": { zh: "规则文件 {file} 有误：{problem}", en: "the rules file {file} is not valid: {problem}" },
  "requirements-file-unreadable": { zh: "无法读取督办要求文件 {path}，或文件为空", en: "cannot read the requirements file {path}, or it is empty" },
  "diff-output-kind": { zh: "-o 只能写 .xlsx 或 .html 文件，收到“{path}”", en: "-o writes an .xlsx or .html file, not “{path}”" },
  "versions-share-nothing": {
    zh: "两个版本没有共同的事项，无法对比：请确认它们是同一本台账的两期",
    en: "the two versions share no item: are they two versions of one ledger?",
  },
  "diff-same-file": {
    zh: "上期和本期是同一个文件（{file}），无从对比：请给出上期和本期两个文件",
    en: "the previous and the current version are one file ({file}): give the two versions to compare",
  },
  "report-output-is-file": { zh: "{path}: 输出位置是一个文件，不是文件夹", en: "{path}: the output is a file, not a folder" },
  "report-folder-unwritable": { zh: "{path}: 无法写入这个文件夹", en: "{path}: cannot write to this folder" },
  "report-folder-without-workbooks": { zh: "{path}: 文件夹里没有 .xlsx 工作簿", en: "{path}: no .xlsx workbooks in this folder" },
  "report-folder-unreadable": {
    zh: "{path}: 无法打开这个文件夹（没有读取权限），其中的台账未计入",
    en: "{path}: this folder cannot be opened (permission denied): the ledgers in it are not counted",
  },
  "report-nothing-usable": { zh: "没有可用的台账，未生成报告", en: "no usable ledger: nothing written" },
  "report-disk-full": { zh: "{path}: 磁盘空间不足，报告未写入", en: "{path}: the disk is full: nothing written" },
  "report-not-written": { zh: "{path}: 无法写入这个文件夹，报告未写入", en: "{path}: cannot write to this folder: nothing written" },
  "internal-error": { zh: "内部错误：{problem}（设置 TAIZHANG_DEBUG=1 查看详情）", en: "internal error: {problem} (set TAIZHANG_DEBUG=1 for details)" },

  // ── The command line's own notices on stderr (the command goes on).
  "diff-identical-files": {
    zh: "{oldFile} 和 {newFile} 内容完全相同：本期台账没有任何改动",
    en: "{oldFile} and {newFile} are identical: the current version changes nothing",
  },
  "diff-versions-reversed": {
    zh: "上期 {oldFile} 的日期（{oldDay}）晚于本期 {newFile}（{newDay}），两个文件是否放反了？下面按所给顺序对比",
    en: "the previous version {oldFile} is dated {oldDay}, after the current {newFile} ({newDay}): are the two swapped? Compared in the order given",
  },
  "report-own-summary-skipped": { zh: "{file}: 这是本工具生成的汇总表，未计入", en: "{file}: a summary this tool wrote: not counted" },
  "report-hidden-sheet-skipped": {
    zh: "{file}: 隐藏的工作表“{sheet}”未计入（可能是旧副本；要计入请用 --sheet）",
    en: "{file}: the hidden sheet “{sheet}” is not counted (likely an old copy; name it with --sheet to count it)",
  },
  "older-copy-skipped": {
    zh: "{file}: 工作表“{sheet}”是“{newer}”的上一期版本，未计入（要计入请用 --sheet）",
    en: "{file}: the sheet “{sheet}” is an earlier version of “{newer}”: not counted (name it with --sheet to count it)",
  },
  "report-progress": { zh: "读取台账", en: "Reading ledgers" },
  /** normalize patches the clerk's own .xlsx parts, which an .xls does not have; the other commands read it. */
  "normalize-xls": {
    zh: "这是旧版 .xls 文件，规范化只能改写 .xlsx：请在 Excel 或 WPS 中“另存为”.xlsx，再对新文件规范化（检查、报告、比对可以直接读 .xls）",
    en: "a legacy .xls file, and normalize writes only .xlsx: save it as .xlsx in Excel or WPS, then normalize that (check, report and diff read the .xls as it is)",
  },
  "force-not-needed": { zh: "已不再需要 --force：规范化保留工作簿中的全部内容", en: "--force is no longer needed: normalize keeps everything in the workbook" },

  // ── Commander's own mistakes in the arguments (cli/taizhang.ts), by its error code.
  "usage-missing-argument": { zh: "缺少参数 {argument}", en: "missing required argument {argument}" },
  "usage-option-missing-value": { zh: "选项 {option} 缺少取值", en: "option {option} needs a value" },
  "usage-required-option": { zh: "缺少必需的选项 {option}", en: "required option {option} not given" },
  "usage-unknown-option": { zh: "不认识的选项 {option}", en: "unknown option {option}" },
  "usage-unknown-command": { zh: "不认识的命令 {command}", en: "unknown command {command}" },
  "usage-too-many-arguments": { zh: "参数过多：应为 {expected} 个，收到 {received} 个", en: "too many arguments: {expected} expected, {received} given" },
  "usage-conflicting-options": { zh: "选项不能同时使用：{detail}", en: "options that cannot be used together: {detail}" },
  "usage-invalid-argument": { zh: "参数有误：{detail}", en: "invalid argument: {detail}" },
  "usage-did-you-mean": { zh: "{problem}，是否要用 {suggestion}？", en: "{problem}; did you mean {suggestion}?" },
  "usage-see-help": { zh: "{problem}（运行 taizhang{command} --help 查看用法）", en: "{problem} (taizhang{command} --help shows the usage)" },

  // ── Commander's help: its headings and the descriptions of its own options.
  "help-usage": { zh: "用法：", en: "Usage:" },
  "help-arguments": { zh: "参数：", en: "Arguments:" },
  "help-options": { zh: "选项：", en: "Options:" },
  "help-global-options": { zh: "通用选项：", en: "Global Options:" },
  "help-commands": { zh: "命令：", en: "Commands:" },
  "help-option-help": { zh: "显示帮助", en: "display help for command" },
  "help-option-version": { zh: "显示版本号", en: "output the version number" },
  "help-command-help": { zh: "显示某个命令的帮助", en: "display help for command" },

  // ── The pane (addin/): the workbook it works on changed, or cannot be worked on.
  "pane-no-workbook": { zh: "没有打开的工作簿", en: "no workbook is open" },
  "pane-no-sheet": { zh: "找不到工作表“{sheet}”", en: "no sheet “{sheet}”" },
  "pane-date-1904": {
    zh: "此工作簿使用“1904 日期系统”（文件 → 选项 → 高级），台账助手暂不支持。请取消该选项，或用命令行 taizhang 处理此文件。",
    en: "This workbook uses the 1904 date system (File → Options → Advanced), which the pane does not support yet. Turn it off, or use the taizhang command line on the file.",
  },
  "pane-cells-changed": {
    zh: "预览之后有 {count} 个单元格被修改（{cells}），请重新预览后再应用",
    en: "{count} cell(s) changed since the preview ({cells}); preview again, then apply",
  },
  "pane-sheets-gone": { zh: "工作表{sheets}已不存在，请重新预览", en: "the sheets {sheets} no longer exist; preview again" },
  "pane-log-name-taken": {
    zh: "工作簿中已有“{sheet}”工作表，但不是变更记录。请重新预览后再应用",
    en: "the workbook has a “{sheet}” sheet that is not a change log; preview again, then apply",
  },
  "pane-no-log": { zh: "没有“{sheet}”工作表，没有可撤销的修改", en: "no “{sheet}” sheet: nothing to undo" },
  "pane-not-a-log": { zh: "“{sheet}”不是变更记录表，无法撤销", en: "“{sheet}” is not a change log; cannot undo" },
  "pane-nothing-to-undo": { zh: "没有可撤销的修改（变更记录中的修改都已撤销）", en: "nothing to undo (every change in the log is undone)" },
  "pane-needs-wps": { zh: "台账助手需要在 WPS 表格中运行", en: "the ledger assistant runs inside WPS Spreadsheets" },
  "pane-wps-lacks": {
    zh: "此版本的 WPS 表格缺少台账助手需要的功能（{member}），请升级 WPS 后再试",
    en: "this version of WPS Spreadsheets lacks what the pane needs ({member}); update WPS, then try again",
  },

  // ── The .xlsx patcher (xlsx-patch/): a change plan made from other values than the file holds.
  "plan-cells-differ": { zh: "{count} 个单元格与变更计划读到的值不同（{cells}）", en: "{count} cell(s) do not hold what the change plan read ({cells})" },
} as const satisfies Record<string, { readonly zh: string; readonly en: string }>;

export type ErrorCode = keyof typeof ERROR_MESSAGES;
