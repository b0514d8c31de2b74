/**
 * `npm run check:architecture` (part of `npm test`): fails when SQL is written outside `src/store/`
 * and `src/db/`, or when modules import each other in a cycle, type-only imports included. Prints
 * one line per finding.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise } from 'dependency-cruiser';
import ts from 'typescript';

/** Where SQL may be written: the store, and the connection and migrations. */
const SQL_HOMES = ['src/store/', 'src/db/'];

/**
 * Files whose SQL is allowed elsewhere, each for a reason. Tests and contract cases put a database
 * into states no operation makes (an aged comment, a stuck job) and read rows back to check what an
 * operation stored; `test/` (suite setup, fault harness) and `bench/` (bulk seeding, raw-insert
 * floors, scratch databases) are harnesses that never ship. Store functions for them would be code
 * that production never calls.
 */
const SQL_EXEMPT = [/\.test\.tsx?$/, /\.case\.ts$/, /^test\//, /^bench\//];

/** Folders read for imports (cycles) and, less the exemptions, for SQL. */
const ROOTS = ['src', 'scripts', 'test', 'bench'];

/** Kysely calls that start a query. */
const BUILDERS = new Set([
  'selectFrom',
  'selectNoFrom',
  'insertInto',
  'updateTable',
  'deleteFrom',
  'replaceInto',
  'mergeInto',
]);
/** Kysely's common table expressions: `.with('name', (db) => …)`; Array#with takes an index instead. */
const CTE = new Set(['with', 'withRecursive']);
/** Kysely values that build SQL from text. */
const RAW_IMPORTS = new Set(['sql', 'CompiledQuery']);
/** Driver calls that take SQL text (pg's query, PGlite's query and exec), in any letter case. */
const RAW_CALLS = new Set(['query', 'exec']);

/** How an SQL statement starts (written in capitals, as every query here is). */
const STATEMENT =
  /^\s*(SELECT\s+\S|INSERT\s+INTO\s|UPDATE\s+\S+\s+SET\s|DELETE\s+FROM\s|WITH\s+(RECURSIVE\s+)?\w+\s+AS\s*\(|(CREATE|DROP|ALTER)\s+(TABLE|INDEX|SCHEMA|DATABASE|VIEW|SEQUENCE|FUNCTION|TRIGGER|EXTENSION|TYPE|ROLE|UNIQUE)\b|TRUNCATE\s|VACUUM\b|ANALYZE\b|GRANT\s|REVOKE\s|COPY\s|LOCK\s+TABLE\s|(BEGIN|COMMIT|ROLLBACK)\s*;?\s*$|SET\s+(LOCAL\s+|SESSION\s+)?\w+\s*(=|TO\s))/;

export interface SqlFinding {
  file: string;
  line: number;
  what: string;
}

/** Every `.ts`/`.tsx` file under the roots that exist, as paths relative to `root` with `/`. */
function sourceFiles(root: string): string[] {
  const files: string[] = [];
  for (const dir of ROOTS) {
    if (!existsSync(path.join(root, dir))) continue;
    for (const entry of readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })) {
      const rel = `${dir}/${entry.split(path.sep).join('/')}`;
      if (/\.tsx?$/.test(rel) && !rel.endsWith('.d.ts') && !rel.includes('node_modules/')) files.push(rel);
    }
  }
  return files.sort();
}

/** Whether a file may hold SQL. */
function sqlAllowed(file: string): boolean {
  return SQL_HOMES.some((home) => file.startsWith(home)) || SQL_EXEMPT.some((re) => re.test(file));
}

/** The text a string or template literal starts with, or undefined for any other node. */
function literalText(node: ts.Node | undefined): string | undefined {
  if (!node) return undefined;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return node.head.text;
  return undefined;
}

/** Whether an import or export declaration names the kysely package. */
function fromKysely(node: ts.ImportDeclaration | ts.ExportDeclaration): boolean {
  return (
    !!node.moduleSpecifier &&
    ts.isStringLiteral(node.moduleSpecifier) &&
    node.moduleSpecifier.text === 'kysely'
  );
}

/** The values a declaration imports (or re-exports) from kysely, one specifier each. */
function kyselyValues(
  node: ts.ImportDeclaration | ts.ExportDeclaration,
): (ts.ImportSpecifier | ts.ExportSpecifier)[] {
  if (!fromKysely(node)) return [];
  if (ts.isExportDeclaration(node)) {
    if (node.isTypeOnly || !node.exportClause || !ts.isNamedExports(node.exportClause)) return [];
    return node.exportClause.elements.filter((e) => !e.isTypeOnly);
  }
  const bindings = node.importClause?.namedBindings;
  if (node.importClause?.isTypeOnly || !bindings || !ts.isNamedImports(bindings)) return [];
  return bindings.elements.filter((e) => !e.isTypeOnly);
}

/** SQL written in one file: query builders, `sql` tags and kysely's raw builders, SQL text. */
export function sqlIn(file: string, text: string): SqlFinding[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: SqlFinding[] = [];
  const add = (node: ts.Node, what: string) =>
    found.push({ file, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1, what });
  const tags = new Set(['sql']);
  const reported = new Set<ts.Node>();
  const visit = (node: ts.Node): void => {
    if (reported.has(node)) return;
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) {
      for (const spec of kyselyValues(node)) {
        const name = (spec.propertyName ?? spec.name).text;
        if (!RAW_IMPORTS.has(name)) continue;
        tags.add(spec.name.text);
        add(spec, `imports kysely's ${name}`);
      }
      const clause = ts.isImportDeclaration(node) ? node.importClause : undefined;
      if (
        fromKysely(node) &&
        clause?.namedBindings &&
        ts.isNamespaceImport(clause.namedBindings) &&
        !clause.isTypeOnly
      )
        add(clause.namedBindings, 'imports all of kysely');
    } else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const name = node.expression.name.text;
      const [first, second] = node.arguments;
      if (BUILDERS.has(name)) add(node.expression.name, `query builder .${name}()`);
      else if (CTE.has(name) && second && (ts.isArrowFunction(second) || ts.isFunctionExpression(second)))
        add(node.expression.name, `query builder .${name}()`);
      else if (
        RAW_CALLS.has(name) &&
        first &&
        !ts.isRegularExpressionLiteral(node.expression.expression) &&
        STATEMENT.test((literalText(first) ?? '').toUpperCase())
      ) {
        add(node.expression.name, `SQL text passed to .${name}()`);
        reported.add(first);
      }
    } else if (ts.isTaggedTemplateExpression(node)) {
      const tag = ts.isPropertyAccessExpression(node.tag) ? node.tag.expression : node.tag;
      if (ts.isIdentifier(tag) && tags.has(tag.text)) {
        add(node, `${tag.text}\`…\` template`);
        reported.add(node.template);
      }
    } else {
      const literal = literalText(node);
      if (literal !== undefined && STATEMENT.test(literal)) add(node, 'SQL statement in a string');
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** SQL outside the store and the connection, in every file the check reads under `root`. */
export function findSql(root: string): SqlFinding[] {
  return sourceFiles(root)
    .filter((file) => !sqlAllowed(file))
    .flatMap((file) => sqlIn(file, readFileSync(path.join(root, file), 'utf8')));
}

/** Import cycles under `root`, type-only imports included; each as the modules in import order. */
export async function findCycles(root: string): Promise<string[][]> {
  const roots = ROOTS.filter((dir) => existsSync(path.join(root, dir)));
  const result = await cruise(roots, {
    baseDir: root,
    validate: true,
    // Type-only imports count: a module whose types come from one that imports it cannot be read alone.
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/' },
    ruleSet: { forbidden: [{ name: 'no-circular', severity: 'error', from: {}, to: { circular: true } }] },
  });
  if (typeof result.output === 'string')
    throw new Error('dependency-cruiser returned a report, not a result');
  const cycles = new Map<string, string[]>();
  for (const violation of result.output.summary.violations) {
    if (violation.type !== 'cycle' || !violation.cycle) continue;
    const cycle = [violation.from, ...violation.cycle.map((step) => step.name)];
    // The same loop is reported from each of its modules: keep it once, started at its first name.
    const members = cycle.slice(0, -1);
    const start = members.indexOf([...members].sort()[0]!);
    const rotated = [...members.slice(start), ...members.slice(0, start)];
    cycles.set(rotated.join(' '), [...rotated, rotated[0]!]);
  }
  return [...cycles.values()].sort((a, b) => a.join(' ').localeCompare(b.join(' ')));
}

/** Runs both checks on `root`; returns the lines to print, empty when the tree is clean. */
export async function checkArchitecture(root: string): Promise<string[]> {
  const sql = findSql(root).map((f) => `sql: ${f.file}:${f.line} ${f.what} (SQL belongs in src/store/)`);
  const cycles = (await findCycles(root)).map((cycle) => `cycle: ${cycle.join(' -> ')}`);
  return [...sql, ...cycles];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = path.resolve(import.meta.dirname, '..');
  const problems = await checkArchitecture(root);
  for (const line of problems) console.error(line);
  if (problems.length > 0) {
    console.error(`architecture check: ${problems.length} problem(s)`);
    process.exitCode = 1;
  } else console.log('architecture check: no SQL outside src/store and src/db, no import cycles');
}
