import { describe, expect, it } from "vitest";
import {
  parseActionItemBody,
  renderActionItemBody,
  withField,
  withMeta,
} from "../../../src/kernel/action-item-body.js";

const body = renderActionItemBody({
  text: "Add an alert on the zero-result rate",
  incidentTitle: "INC-20260203-001: Search is down",
  incidentUrl: "https://github.com/acme/shop/issues/1",
  fields: { owner: "dave", due: "2026-02-06", priority: "high" },
  meta: { incident: 1, key: "c35-1", ic: "bob", synced: null },
});

describe("the action item body", () => {
  it("is plain Markdown with the hidden marker first", () => {
    expect(body).toMatchInlineSnapshot(`
      "<!-- incident-app:action-item incident=1 key=c35-1 ic=bob -->
      - **Incident:** [INC-20260203-001: Search is down](https://github.com/acme/shop/issues/1)
      - **Owner:** @dave
      - **Due:** 2026-02-06
      - **Priority:** high

      Add an alert on the zero-result rate

      <sub>Edit the Owner, Due and Priority lines, or comment \`/due 2026-03-01\`, \`/owner @alice\` or \`/priority high\`: labels, assignee, reminders and the project board follow.</sub>
      "
    `);
  });

  it("reads back what it wrote", () => {
    expect(parseActionItemBody(body)).toEqual({
      fields: { owner: "dave", due: "2026-02-06", priority: "high" },
      problems: [],
      meta: { incident: 1, key: "c35-1", ic: "bob", synced: null },
    });
  });

  it.each([
    ["Due: 2026-03-01", { due: "2026-03-01" }],
    ["**Due**: 2026-03-01", { due: "2026-03-01" }],
    ["* due:2026-03-01", { due: "2026-03-01" }],
    ["- **Owner:** alice", { owner: "alice" }],
    ["Owner: @acme/search", { owner: "acme/search" }],
    ["Owner: none", { owner: null }],
    ["Priority: P1", { priority: "high" }],
    ["Due: —", { due: null }],
  ])("reads a line people edited: %s", (line, expected) => {
    const field = Object.keys(expected)[0] as string;
    const label = `${field.charAt(0).toUpperCase()}${field.slice(1)}`;
    const edited = body.replace(new RegExp(`^- \\*\\*${label}:\\*\\*.*$`, "m"), line);
    expect(edited).not.toBe(body);
    expect(parseActionItemBody(edited).fields).toMatchObject(expected);
  });

  it("names a line it cannot read, and uses nothing for it", () => {
    const edited = body.replace("- **Due:** 2026-02-06", "- **Due:** next friday");
    expect(parseActionItemBody(edited)).toMatchObject({
      fields: { due: null },
      problems: [{ field: "due", value: "next friday" }],
    });
  });

  it("has no marker when it is not the app's item", () => {
    expect(parseActionItemBody("Owner: @dave\nDue: 2026-02-06").meta).toBeNull();
  });

  it("rewrites one line in place and keeps the rest as people left it", () => {
    const edited = `${body}\nSome notes people added.`;
    const moved = withField(edited, "due", { owner: "dave", due: "2026-03-01", priority: "high" });
    expect(moved).toBe(edited.replace("- **Due:** 2026-02-06", "- **Due:** 2026-03-01"));
    const added = withField(
      "<!-- incident-app:action-item incident=1 key=k -->\n- **Owner:** @a\n\ntext",
      "due",
      {
        owner: "a",
        due: "2026-03-01",
        priority: null,
      },
    );
    expect(added).toBe(
      "<!-- incident-app:action-item incident=1 key=k -->\n- **Owner:** @a\n- **Due:** 2026-03-01\n\ntext",
    );
  });

  it("moves the synced cursor in the marker", () => {
    const next = withMeta(body, { incident: 1, key: "c35-1", ic: "bob", synced: "1770199200.45" });
    expect(parseActionItemBody(next).meta?.synced).toBe("1770199200.45");
    expect(next.split("\n").slice(1)).toEqual(body.split("\n").slice(1));
  });
});
