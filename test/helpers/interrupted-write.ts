/**
 * A command interrupted while it writes, as a separate process: `tsx interrupted-write.ts FILE
 * during|after` notes FILE as a temporary file being written and sends itself SIGINT, either
 * while FILE is still unfinished or after it is done. test/cli/adversarial-inputs.test.ts runs it.
 */
import { writeFileSync } from "node:fs";
import { unfinishedFile } from "../../cli/write-file.js";

const [file, when] = process.argv.slice(2);
const pending = unfinishedFile(file!);
writeFileSync(file!, "half a workbook");
if (when === "after") pending.done();
process.kill(process.pid, "SIGINT");
// The signal arrives when this turn ends; keep the process alive until it does.
setTimeout(() => process.exit(0), 5_000);
