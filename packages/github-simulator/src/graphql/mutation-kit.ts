import type { NodeTarget } from "../store/store.js";
import {
  type Args,
  argString,
  type GqlContext,
  mutationInput,
  nodeNotFound,
  type View,
} from "./gql-types.js";
import { resolveTarget } from "./query-root.js";

/** What every mutation answers: its payload type, the client's `clientMutationId` echoed, and its fields. */
export function mutationPayload(typename: string, args: Args, fields: Record<string, unknown>): View {
  return {
    __typename: typename,
    clientMutationId: argString(mutationInput(args), "clientMutationId") ?? null,
    ...fields,
  };
}

/** The node `id` names when it is of `kind`; any other (or none the viewer can see) is GitHub's not found. */
export function targetOfKind<K extends NodeTarget["kind"]>(
  ctx: GqlContext,
  id: string,
  kind: K,
): Extract<NodeTarget, { kind: K }> {
  const target = resolveTarget(ctx, id);
  if (target.kind !== kind) throw nodeNotFound(id);
  return target as Extract<NodeTarget, { kind: K }>;
}
