/** The `notices` command's arguments and options, wired to runNotices. */
import { Option, type Command } from "commander";
import { DEFAULT_ISSUER, DEFAULT_REPLY_DAYS } from "../../analytics/notices/notice-defaults.js";
import { UsageError } from "../exit-errors.js";
import { userMessage } from "../../analytics/findings/user-message.js";
import { processOutput } from "../io.js";
import { parseAsOf, parseBaseYear, parseLang } from "../options.js";
import { readRulesFile } from "../rules-file.js";

interface NoticesFlags {
  output: string;
  sheet?: string;
  asOf?: string;
  baseYear?: string;
  issuer?: string;
  replyDays?: string;
  rules?: string;
  requirements?: string;
  lang?: string;
}

function parseReplyDays(value: string | undefined): number {
  if (value === undefined) return DEFAULT_REPLY_DAYS;
  if (!/^\d{1,2}$/u.test(value)) throw new UsageError(userMessage("option-reply-days", { value }));
  return Number(value);
}

export function registerNotices(program: Command): void {
  program
    .command("notices")
    .description("为有逾期、即将到期或进度滞后事项的单位生成督办通知单（Word）、一览表和督办登记簿 · supervision notices per lagging unit")
    .argument("<files...>", "xlsx 文件 · workbook files")
    .requiredOption("-o, --output <dir>", "输出文件夹 · output folder")
    .option("--sheet <name>", "只用这个工作表 · only this sheet of each file")
    .option("--as-of <YYYY-MM-DD>", "截至日期（即发文日期），默认今天（北京时间） · as-of day, also the day of issue")
    .option("--base-year <YYYY>", "未写年份的时限按此年计 · year for deadlines that name none")
    .option("--issuer <office>", `发文单位 · issuing office (default ${DEFAULT_ISSUER})`)
    .option("--reply-days <n>", `反馈时限：发文后第几个工作日 · reply within n working days (default ${DEFAULT_REPLY_DAYS})`)
    .option("--rules <file>", "红黄绿灯规则文件（JSON） · the lights' rules file (JSON)")
    .option("--requirements <file>", "督办要求的文字（UTF-8 文本文件），替换默认文字 · the 督办要求 text, replacing the default")
    .addOption(new Option("--lang <zh|en>", "语言 · language").default("zh"))
    .action(async (files: string[], flags: NoticesFlags) => {
      const { runNotices } = await import("./run-notices.js");
      process.exitCode = await runNotices(
        files,
        {
          output: flags.output,
          sheet: flags.sheet,
          asOf: parseAsOf(flags.asOf),
          baseYear: parseBaseYear(flags.baseYear),
          issuer: flags.issuer?.trim() || DEFAULT_ISSUER,
          replyDays: parseReplyDays(flags.replyDays),
          rules: await readRulesFile(flags.rules),
          requirementsFile: flags.requirements ?? null,
          lang: parseLang(flags.lang),
        },
        processOutput,
      );
    });
}
