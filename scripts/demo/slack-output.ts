import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { SlackSimulator } from "../../test/slack-simulator/slack-simulator.js";
import { DEMO_CHANNEL, SLACK_PEOPLE } from "./war-room-demo.js";

/**
 * `demo-output/slack/`: each channel as people saw it (Markdown: the topic, who was
 * in it, the pinned message, then every message in order, with the answers only one
 * person saw), and `requests.jsonl`, every Web API call the app made.
 */
export async function writeSlack(out: string, slack: SlackSimulator): Promise<string> {
  const dir = join(out, "slack");
  await mkdir(dir, { recursive: true });
  for (const channel of slack.state.channels.values())
    await writeFile(join(dir, `${channel.name}.md`), renderChannel(slack, channel.id));
  const answers = slack.state.responseUrlPosts.map(
    (post) => `- ${(post.body as { text?: string }).text ?? ""}`,
  );
  await writeFile(
    join(dir, "slash-command-answers.md"),
    `# Answers to /incident (only the person who typed it saw them)\n\n${answers.join("\n")}\n`,
  );
  const calls = slack.requests.map((r) => ({ method: r.method, status: r.status, ok: r.response.ok }));
  await writeFile(join(dir, "requests.jsonl"), `${calls.map((call) => JSON.stringify(call)).join("\n")}\n`);
  return `${slack.state.channels.size} Slack channel(s), ${slack.requests.length} Slack Web API calls`;
}

function renderChannel(slack: SlackSimulator, channelId: string): string {
  const { state } = slack;
  const channel = state.channels.get(channelId);
  if (!channel) return "";
  const name = (userId: string) => state.users.get(userId)?.name ?? userId;
  const time = (ts: string) => new Date(Number(ts.split(".")[0]) * 1000).toISOString().slice(11, 16);
  const pinned = new Set(state.pins.filter((pin) => pin.channel === channelId).map((pin) => pin.ts));
  const lines = [
    `# #${channel.name}${channel.isPrivate ? " 🔒" : ""}${channel.isArchived ? " (archived)" : ""}`,
    "",
    `**Topic:** ${channel.topic.value || "—"}`,
    "",
    `**Members:** ${channel.members.map((member) => `@${name(member)}`).join(", ")}`,
    "",
    "---",
    "",
  ];
  const messages = state.messages.filter((message) => message.channel === channelId);
  const ephemerals = state.ephemerals.filter((message) => message.channel === channelId);
  const all = [
    ...messages.map((message) => ({ ts: message.ts, message, only: null as string | null })),
    ...ephemerals.map((message) => ({
      ts: message.ts,
      message: { user: "U0SIMBOT1", text: message.text, subtype: null },
      only: message.user,
    })),
  ].sort((a, b) => Number(a.ts) - Number(b.ts));
  for (const { ts, message, only } of all) {
    const who = message.subtype === "channel_topic" ? "_(topic)_" : `**${name(message.user)}**`;
    const pin = pinned.has(ts) ? " 📌" : "";
    const seen = only ? ` _(only @${name(only)} saw this)_` : "";
    const text = message.text.replace(/\n/g, "  \n> ");
    lines.push(`\`${time(ts)}\` ${who}${pin}${seen}  \n> ${text}`, "");
  }
  return `${lines.join("\n")}\n`;
}

/** What the demo's Slack side must show; each failure is one line. */
export function checkSlack(slack: SlackSimulator): string[] {
  const problems: string[] = [];
  const expect = (ok: boolean, problem: string) => {
    if (!ok) problems.push(problem);
  };
  const channels = [...slack.state.channels.values()];
  expect(channels.length === 1, `expected one Slack channel, found ${channels.length}`);
  const channel = channels.find((each) => each.name === DEMO_CHANNEL);
  if (!channel) return [...problems, `no #${DEMO_CHANNEL} in Slack`];
  expect(channel.isArchived, `#${DEMO_CHANNEL} was not archived after resolution`);
  expect(channel.members.includes(SLACK_PEOPLE.bob), "bob was not in the channel");
  const texts = slack.state.messages.filter((m) => m.channel === channel.id && m.botId).map((m) => m.text);
  const pins = slack.state.pins.filter((pin) => pin.channel === channel.id);
  expect(pins.length === 1, `expected the declaration pinned, found ${pins.length} pins`);
  for (const line of [
    "Acknowledged · @bob",
    "Status update posted: “Root cause identified",
    "Resolved: “Verification complete",
    ":white_check_mark: Resolved. The post-incident review: ",
  ])
    expect(
      texts.some((text) => text.includes(line)),
      `the channel does not mirror “${line}”`,
    );
  const keys = slack.state.messages.flatMap((m) =>
    m.channel === channel.id && m.metadata ? [String(m.metadata.event_payload.key)] : [],
  );
  expect(new Set(keys).size === keys.length, "a timeline entry was posted twice in the channel");
  const failed = slack.requests.filter((request) => request.status !== 200 || !request.response.ok);
  expect(
    failed.length === 0,
    `${failed.length} Slack calls failed: ${failed.map((r) => r.method).join(", ")}`,
  );
  return problems;
}
