/** Validates SARIF against the official SARIF 2.1.0 JSON schema (shipped in @microsoft/sarif-multitool-ts). */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';

const require = createRequire(import.meta.url);
let validate: ValidateFunction | undefined;

function schemaPath(): string {
  // the package does not export its assets: resolve its entry (dist/index.js) and go up
  const entry = require.resolve('@microsoft/sarif-multitool-ts');
  return join(dirname(entry), '..', 'assets', 'sarif-2.1.0.schema.json');
}

/** Returns the schema errors (empty when valid). */
export function sarifErrors(log: unknown): string[] {
  if (!validate) {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    (addFormats as unknown as (a: Ajv2020) => void)(ajv);
    validate = ajv.compile(JSON.parse(readFileSync(schemaPath(), 'utf8')) as object);
  }
  return validate(log) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}
