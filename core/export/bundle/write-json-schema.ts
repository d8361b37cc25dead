// `npm run schema`: writes the bundle's published JSON Schema from the zod schema.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BUNDLE_SCHEMA_FILE, bundleJsonSchemaText } from './json-schema.ts';

const target = fileURLToPath(new URL(`../../../${BUNDLE_SCHEMA_FILE}`, import.meta.url));
writeFileSync(target, bundleJsonSchemaText());
process.stdout.write(`wrote ${target}\n`);
