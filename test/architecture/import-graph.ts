import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import ts from "typescript";

/** One import of a source file: where it points and whether it brings in types only. */
export interface ImportEdge {
  /** A path relative to the repository for the project's own files, the bare name for packages. */
  target: string;
  typeOnly: boolean;
  local: boolean;
}

/** Every `.ts` file under `root` (relative to `cwd`) with its imports and its text. */
export interface ImportGraph {
  files: string[];
  imports: Map<string, ImportEdge[]>;
  text: Map<string, string>;
}

export function readImportGraph(root: string, cwd = process.cwd()): ImportGraph {
  const files = readdirSync(join(cwd, root), { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".ts"))
    .map((file) => normalize(join(root, file)))
    .sort();
  const imports = new Map<string, ImportEdge[]>();
  const text = new Map<string, string>();
  for (const file of files) {
    const source = readFileSync(join(cwd, file), "utf8");
    text.set(file, source);
    imports.set(file, importsOf(file, source));
  }
  return { files, imports, text };
}

function importsOf(file: string, source: string): ImportEdge[] {
  const parsed = ts.createSourceFile(file, source, ts.ScriptTarget.ES2022, false);
  const edges: ImportEdge[] = [];
  const add = (specifier: string, typeOnly: boolean) => {
    const local = specifier.startsWith(".");
    const target = local ? normalize(join(dirname(file), specifier.replace(/\.js$/, ".ts"))) : specifier;
    edges.push({ target, typeOnly, local });
  };
  for (const statement of parsed.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const clause = statement.importClause;
      const typeOnly =
        !!clause &&
        (clause.isTypeOnly ||
          (!clause.name &&
            !!clause.namedBindings &&
            ts.isNamedImports(clause.namedBindings) &&
            clause.namedBindings.elements.every((element) => element.isTypeOnly)));
      add(statement.moduleSpecifier.text, typeOnly);
    } else if (
      ts.isExportDeclaration(statement) &&
      statement.moduleSpecifier &&
      ts.isStringLiteral(statement.moduleSpecifier)
    ) {
      add(statement.moduleSpecifier.text, statement.isTypeOnly);
    }
  }
  return edges;
}

/** Import cycles among the graph's files (strongly connected components of more than one file). */
export function importCycles(graph: ImportGraph): string[][] {
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
    for (const { target } of graph.imports.get(file) ?? []) {
      if (!graph.imports.has(target)) continue;
      if (!indices.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file)!, low.get(target)!));
      } else if (onStack.has(target)) low.set(file, Math.min(low.get(file)!, indices.get(target)!));
    }
    if (low.get(file) === indices.get(file)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== file);
      if (component.length > 1) cycles.push(component.sort());
    }
  };
  for (const file of graph.files) if (!indices.has(file)) visit(file);
  return cycles;
}

/**
 * The room a file of `src/` belongs to: `features/incident`, `kernel`, `github`, …,
 * or `entry` for the entry points (the top-level files, `server/`, `cli/`, `actions/`).
 */
export function roomOf(file: string, root = "src"): string {
  const parts = relative(root, file).split(/[\\/]/);
  if (parts[0] === "features") return `features/${parts[1]}`;
  if (parts.length === 1 || ["server", "cli", "actions"].includes(parts[0]!)) return "entry";
  return parts[0]!;
}
