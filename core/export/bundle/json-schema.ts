// The bundle's JSON Schema (draft 2020-12), generated from the zod schema the workbench itself
// validates with, so the published file cannot drift from what imports accept. The published copy
// is core/export/schemas/segment-bundle-v1.schema.json; `npm run schema` rewrites it.
import { z } from 'zod';
import { BUNDLE_VERSION, bundleSchema } from './schema.ts';

/** Where the published schema lives, from the repository root. */
export const BUNDLE_SCHEMA_FILE = `core/export/schemas/segment-bundle-v${BUNDLE_VERSION}.schema.json`;

export function bundleJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(bundleSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  return {
    $schema: generated.$schema,
    $id: `https://segment-workbench.invalid/${BUNDLE_SCHEMA_FILE}`,
    title: `Segment Workbench bundle, version ${BUNDLE_VERSION}`,
    description:
      'Every definition that decides segment membership (page taxonomy, custom signals, weights and phase thresholds, the cluster model with its scaling and centroids, RFM settings, saved rule segments and their priority), the decisions taken on segments, the economics settings and the stored purchase prediction, with a fingerprint of the data the bundle was built on and a SHA-256 integrity hash over the canonical JSON (keys sorted, no whitespace) of everything but the hash.',
    ...Object.fromEntries(Object.entries(generated).filter(([k]) => k !== '$schema')),
  };
}

export const bundleJsonSchemaText = (): string => `${JSON.stringify(bundleJsonSchema(), null, 2)}\n`;
