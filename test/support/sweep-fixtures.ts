import { type ConfigInput, ConfigSchema } from "../../src/config/schema.js";
import {
  incidentForSweep,
  type SweepActionItem,
  type SweepIncident,
  type SweepSnapshot,
} from "../../src/features/sweep/sweep-snapshot.js";
import { metaMarker } from "../../src/kernel/action-item-body.js";
import { marker } from "../../src/kernel/markers.js";
import { readFormTemplate } from "../../src/pipelines/app-deps.js";
import { BOT, bot, FORM_BODY, HistoryBuilder } from "./history-builder.js";

/** Incidents and action items for `due()` tests, declared at T0 (SEV-2 from the form). */
export const T0 = new Date("2026-02-03T14:23:00Z");
export const at = (ms: number) => new Date(T0.getTime() + ms);
export const iso = (ms: number) => at(ms).toISOString();
export const S = 1_000;
export const M = 60_000;
export const H = 3_600_000;
export const D = 86_400_000;

const formTemplate = readFormTemplate();

export function configOf(input: ConfigInput = {}) {
  return ConfigSchema.parse({ onCall: { primary: ["ann"], secondary: ["sam"] }, ...input });
}

export function incidentOf(
  config: ReturnType<typeof configOf>,
  build: (builder: HistoryBuilder) => void = () => {},
): SweepIncident {
  const builder = new HistoryBuilder({ body: FORM_BODY, at: T0.toISOString() }).label(
    "incident",
    T0.toISOString(),
  );
  build(builder);
  const incident = incidentForSweep(builder.history, { config, botLogin: BOT, formTemplate });
  if (!incident) throw new Error("not declared");
  return incident;
}

/** The app already posted a reminder with this key. */
export function sent(builder: HistoryBuilder, key: string, atMs: number): HistoryBuilder {
  return builder.comment(`${marker("reminder", { key })}\nreminder`, iso(atMs), bot);
}

export function itemOf(
  fields: Partial<SweepActionItem["fields"]> & { sent?: string[]; ic?: string | null },
): SweepActionItem {
  return {
    number: 7,
    id: "I_7",
    url: "https://github.com/acme/shop/issues/7",
    title: "Add an alert",
    fields: { owner: fields.owner ?? "dave", due: fields.due ?? null, priority: fields.priority ?? "high" },
    incident: 1,
    ic: fields.ic === undefined ? "bob" : fields.ic,
    sent: new Set(fields.sent ?? []),
  };
}

export function snapshotOf(incidents: SweepIncident[], actionItems: SweepActionItem[] = []): SweepSnapshot {
  return { repo: "acme/shop", incidents, actionItems };
}

export { metaMarker };
