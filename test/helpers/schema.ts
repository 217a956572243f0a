/** Every report a test produces is held to the contract's JSON Schema. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";
import { expect } from "vitest";

const SCHEMA_PATH = fileURLToPath(new URL("../../../shared/contract/report.schema.json", import.meta.url));

const ajv = new Ajv2020({ allErrors: true, strict: false });
const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_PATH, "utf8")) as object);

export function expectValidReport(report: unknown): void {
  const ok = validate(report);
  expect(ok ? [] : validate.errors?.slice(0, 5)).toEqual([]);
}
