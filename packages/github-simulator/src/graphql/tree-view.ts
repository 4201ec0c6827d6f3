import { filesUnder, treeSha } from "../store/git-objects.js";
import type { View } from "./gql-types.js";

/**
 * `object(expression: "HEAD:dir")` for a folder: a `Tree` whose id changes with its
 * content, and its direct `entries` (files as blobs, sub-folders as trees).
 */
export function treeView(files: Record<string, string>, dir: string, blob: (text: string) => View): View {
  const oid = treeSha(files, dir);
  const children = new Map<string, "blob" | "tree">();
  for (const [path] of filesUnder(files, dir)) {
    const slash = path.indexOf("/");
    children.set(slash === -1 ? path : path.slice(0, slash), slash === -1 ? "blob" : "tree");
  }
  const prefix = dir === "" ? "" : `${dir}/`;
  return {
    __typename: "Tree",
    id: `T_${oid}`,
    oid,
    abbreviatedOid: oid.slice(0, 7),
    entries: () =>
      [...children].map(([name, type]) => {
        const path = `${prefix}${name}`;
        return treeEntryView(path, type === "blob" ? blob(files[path] ?? "") : treeView(files, path, blob));
      }),
  };
}

/** A `TreeEntry` for the blob or tree at `path`. */
export function treeEntryView(path: string, object: View): View {
  const type = object.__typename === "Blob" ? "blob" : "tree";
  return {
    __typename: "TreeEntry",
    name: path.slice(path.lastIndexOf("/") + 1),
    path,
    type,
    mode: type === "blob" ? 33188 : 16384,
    oid: object.oid,
    isGenerated: false,
    object,
  };
}
