import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import ts from "typescript";

/** Every `.ts` file under `root` (relative to `cwd`) with the files it imports, types included. */
export interface ImportGraph {
  files: string[];
  imports: Map<string, string[]>;
}

export function readImportGraph(root: string, cwd = process.cwd()): ImportGraph {
  const files = readdirSync(join(cwd, root), { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".ts"))
    .map((file) => normalize(join(root, file)))
    .sort();
  const imports = new Map<string, string[]>();
  for (const file of files) {
    const text = readFileSync(join(cwd, file), "utf8");
    const found = ts
      .preProcessFile(text, true, true)
      .importedFiles.map((ref) => ref.fileName)
      .filter((name) => name.startsWith("."))
      .map((name) => normalize(join(dirname(file), name.replace(/\.js$/, ".ts"))));
    imports.set(file, [...new Set(found)]);
  }
  return { files, imports };
}

/** Import cycles (strongly connected components with more than one file, or a file importing itself). */
export function importCycles(graph: ImportGraph): string[][] {
  // Tarjan's algorithm, iterative enough for a few hundred files.
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (file: string) => {
    indices.set(file, index);
    low.set(file, index);
    index++;
    stack.push(file);
    onStack.add(file);
    for (const next of graph.imports.get(file) ?? []) {
      if (!graph.imports.has(next)) continue;
      if (!indices.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(file, Math.min(low.get(file)!, indices.get(next)!));
    }
    if (low.get(file) === indices.get(file)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== file);
      if (component.length > 1 || graph.imports.get(file)?.includes(file)) cycles.push(component.sort());
    }
  };
  for (const file of graph.files) if (!indices.has(file)) visit(file);
  return cycles;
}

/** The room a file belongs to: `features/incident`, `kernel`, `github`, … or `entry` for the entry points. */
export function roomOf(file: string, root = "src"): string {
  const parts = relative(root, file).split(/[\\/]/);
  if (parts[0] === "features") return `features/${parts[1]}`;
  if (parts.length === 1 || ["server", "cli", "actions"].includes(parts[0]!)) return "entry";
  return parts[0]!;
}
