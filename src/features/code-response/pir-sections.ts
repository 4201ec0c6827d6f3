import { createHash } from "node:crypto";
import { marker, readMarkers } from "../../kernel/markers.js";

/**
 * The review file in sections (its title block, then one per `## ` heading). Each
 * section the app writes carries a marker with the hash of its content, so a refresh
 * can tell sections nobody touched (replaced by the current state) from sections
 * people edited (kept as they are). Sections people added are kept too.
 */
export interface Section {
  name: string;
  heading: string | null;
  /** The content without heading and marker lines. */
  body: string;
  recordedHash: string | null;
  raw: string;
}

const HEADING = /^## +(.+?)\s*$/;

function hash(body: string): string {
  const normal = body
    .replace(/\r\n/g, "\n")
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .trim();
  return createHash("sha1").update(normal).digest("hex").slice(0, 10);
}

function nameOf(heading: string | null): string {
  if (heading === null) return "title";
  return heading
    .toLowerCase()
    .replace(/\(.*?\)/g, "")
    .trim()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

export function parseSections(text: string): Section[] {
  const sections: Section[] = [];
  let lines: string[] = [];
  const flush = () => {
    if (lines.length === 0) return;
    const heading = HEADING.exec(lines[0] ?? "")?.[1] ?? null;
    const found = lines.flatMap((line) => readMarkers(line)).find((m) => m.kind === "pir-section");
    const body = lines
      .slice(heading === null ? 0 : 1)
      .filter((line) => !readMarkers(line).some((m) => m.kind === "pir-section" || m.kind === "pir"))
      .join("\n");
    sections.push({
      name: found?.fields.name ?? nameOf(heading),
      heading,
      body,
      recordedHash: found?.fields.hash ?? null,
      raw: lines.join("\n"),
    });
  };
  for (const line of text.replace(/\r\n/g, "\n").split("\n")) {
    if (HEADING.test(line)) {
      flush();
      lines = [];
    }
    lines.push(line);
  }
  flush();
  return sections;
}

/** The file as the app writes it: a marker naming the incident, and one per section with its hash. */
export function stampSections(text: string, id: string, issue: number): string {
  const sections = parseSections(text).map((section) => {
    const stamp = marker("pir-section", { name: section.name, hash: hash(section.body) });
    const body = section.body.replace(/^\n+/, "");
    if (section.heading === null) return `${marker("pir", { id, issue })}\n${stamp}\n${body}`;
    return `## ${section.heading}\n${stamp}\n${body}`;
  });
  return `${sections.join("\n").trimEnd()}\n`;
}

export interface Refresh {
  text: string;
  /** Headings of untouched sections whose content changed. */
  updated: string[];
  /** Headings of sections people edited, kept as they are. */
  kept: string[];
}

/** Merges a fresh rendering into the file people may have edited (both as written by `stampSections`). */
export function refreshSections(current: string, fresh: string): Refresh {
  const freshByName = new Map(parseSections(fresh).map((section) => [section.name, section]));
  const updated: string[] = [];
  const kept: string[] = [];
  const label = (section: Section) => section.heading ?? "the title block";
  const out = parseSections(current).map((section) => {
    const replacement = freshByName.get(section.name);
    if (section.recordedHash === null || !replacement) return section.raw;
    if (hash(section.body) !== section.recordedHash) {
      kept.push(label(section));
      return section.raw;
    }
    if (hash(replacement.body) !== hash(section.body)) updated.push(label(section));
    return replacement.raw;
  });
  return { text: `${out.join("\n").trimEnd()}\n`, updated, kept };
}
