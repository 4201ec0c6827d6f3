/** Who did something on GitHub: a person or a bot (the app's own events are echoes). */
export type ActorKind = "User" | "Bot";

export interface Actor {
  login: string;
  kind: ActorKind;
}
