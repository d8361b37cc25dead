// The JSON bundle: every definition that decides membership, in one versioned file another
// workspace with the same data re-evaluates to the same customers. The JSON Schema published in
// core/export/schemas/segment-bundle-v1.schema.json is generated from this zod schema (a test keeps them equal).
// Pure.
import { z } from 'zod';
import { CLUSTER_SCALINGS, clusterSettingsSchema } from '../../clusters/types.ts';
import { DECISIONS, economicsSettingsSchema } from '../../economics/types.ts';
import { rfmSettingsSchema, ruleGroupSchema } from '../../rules/types.ts';
import { customSignalSchema, scoringSettingsSchema } from '../../signals/types.ts';

export const BUNDLE_FORMAT = 'segment-workbench-bundle';
export const BUNDLE_VERSION = 1;

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 as 64 lowercase hex digits');
const finite = z.number().refine(Number.isFinite, 'a finite number');

export const dataFingerprintSchema = z
  .object({
    /** SHA-256 over the customers' ids and per event type and page category: count, time sums, amount in cents. */
    sha256,
    customers: z.number().int().min(0),
    events: z.number().int().min(0),
    firstEventAt: z.number().int().nullable(),
    lastEventAt: z.number().int().nullable(),
  })
  .strict();
export type DataFingerprint = z.infer<typeof dataFingerprintSchema>;

const signalScalingSchema = z
  .object({
    id: z.string().min(1),
    method: z.enum(CLUSTER_SCALINGS),
    centre: finite,
    scale: finite,
    clip: finite.nullable(),
    impute: finite.nullable(),
    weight: finite,
    breakpoints: z.array(finite).nullable(),
  })
  .strict();

/** A stored cluster model: what re-applies it (scaling, centroids, keys) strictly; the rest of its summary as the app shows it. */
const clusterModelSchema = z
  .object({
    modelId: z.number().int().positive(),
    asOf: isoDay,
    settings: clusterSettingsSchema,
    scaling: z.array(signalScalingSchema).min(1),
    /** k rows of d numbers, in the scaled and weighted space, in the order of `clusters`. */
    centroids: z.array(z.array(finite).min(1)).min(1),
    clusters: z.array(z.object({ key: z.number().int().min(0), name: z.string(), colour: z.string() }).strict()).min(1),
    /** The model's summary as the Clusters view shows it (profiles, outcome, evaluation). */
    summary: z.record(z.string(), z.unknown()),
  })
  .strict()
  .superRefine((m, ctx) => {
    if (m.centroids.length !== m.clusters.length) ctx.addIssue({ code: 'custom', path: ['centroids'], message: `${m.centroids.length} centroids for ${m.clusters.length} clusters` });
    m.centroids.forEach((c, i) => {
      if (c.length !== m.scaling.length) ctx.addIssue({ code: 'custom', path: ['centroids', i], message: `${c.length} coordinates for ${m.scaling.length} scaled signals` });
    });
  });

const savedSegmentSchema = z
  .object({
    segmentId: z.number().int().positive(),
    name: z.string().trim().min(1).max(200),
    description: z.string().max(4000),
    version: z.number().int().positive(),
    rule: ruleGroupSchema,
  })
  .strict();

const decisionSchema = z
  .object({
    family: z.string().min(1),
    segmentKey: z.string().min(1),
    segmentName: z.string(),
    decision: z.enum(DECISIONS),
    rationale: z.string(),
    definitionVersion: z.string(),
    asOf: isoDay,
    decidedAt: z.number().int(),
    decidedBy: z.string(),
  })
  .strict();

const taxonomyRuleSchema = z
  .object({
    pattern: z.string().min(1),
    match: z.enum(['contains', 'prefix', 'regex']),
    category: z.string().min(1),
    priority: z.number().int(),
  })
  .strict();

const predictionSchema = z
  .object({
    savedAt: z.number(),
    calibrationEnd: isoDay,
    timeUnit: z.enum(['day', 'week']),
    model: z.enum(['bgnbd', 'pareto-nbd']),
    params: z.record(z.string(), finite),
    spend: z.object({ p: finite, q: finite, gamma: finite }).strict().nullable(),
    horizonDays: z.number().int().positive(),
    clv: z.object({ months: z.number().int().positive(), monthlyDiscount: finite, margin: finite }).strict(),
  })
  .strict();

export const bundleSchema = z
  .object({
    format: z.literal(BUNDLE_FORMAT, { message: `not a Segment Workbench bundle (format must be "${BUNDLE_FORMAT}")` }),
    version: z.literal(BUNDLE_VERSION, { message: `a bundle of version ${BUNDLE_VERSION} is expected` }),
    workbenchVersion: z.string(),
    createdAt: z.string(),
    /** The date membership was evaluated at when exported; definitions apply at any date. */
    asOf: isoDay,
    data: dataFingerprintSchema,
    taxonomy: z.array(taxonomyRuleSchema),
    customSignals: z.array(customSignalSchema),
    scoring: scoringSettingsSchema,
    clusterModel: clusterModelSchema.nullable(),
    rfm: rfmSettingsSchema,
    segments: z.array(savedSegmentSchema),
    /** Saved segment ids, first claims its customers first. */
    priority: z.array(z.number().int().positive()),
    decisions: z.array(decisionSchema),
    economics: economicsSettingsSchema,
    prediction: predictionSchema.nullable(),
    /** Membership sizes at asOf, so an import can say whether it reproduced them. */
    sizes: z.record(z.string(), z.record(z.string(), z.number().int().min(0))),
    /** SHA-256 of the canonical JSON of everything above (keys sorted, no whitespace). */
    integrity: sha256,
  })
  .strict()
  .superRefine((b, ctx) => {
    const ids = new Set(b.segments.map((s) => s.segmentId));
    if (b.priority.length !== ids.size || b.priority.some((id) => !ids.has(id))) {
      ctx.addIssue({ code: 'custom', path: ['priority'], message: 'the priority list must name every segment exactly once' });
    }
  });
export type Bundle = z.output<typeof bundleSchema>;
