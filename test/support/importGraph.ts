import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

/** One import of a module: the file it names, and whether it survives compilation (`import type` does not). */
export interface ImportEdge {
	to: string;
	runtime: boolean;
	/** The names it takes; `'*'` for the whole module (`import * as`, `import x = require()`, `require()`). */
	names: readonly string[] | '*';
}

/** The imports of every `.ts` file under `dir` (paths relative to `root`), relative specifiers only. */
export function importGraph(root: string, dir: string): Map<string, ImportEdge[]> {
	const graph = new Map<string, ImportEdge[]>();
	for (const file of tsFiles(path.join(root, dir))) {
		const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
		const edges: ImportEdge[] = [];
		const add = (specifier: string, runtime: boolean, names: readonly string[] | '*'): void => {
			if (!specifier.startsWith('.')) return;
			const target = resolve(path.dirname(file), specifier);
			if (target) edges.push({ to: path.relative(root, target).replace(/\\/g, '/'), runtime, names });
		};
		const visit = (node: ts.Node): void => {
			if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
				add(node.moduleSpecifier.text, !isTypeOnlyImport(node), importedNames(node));
			} else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
				const clause = node.exportClause;
				add(node.moduleSpecifier.text, !node.isTypeOnly, clause && ts.isNamedExports(clause) ? clause.elements.map((e) => (e.propertyName ?? e.name).text) : '*');
			} else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) {
				add(node.moduleReference.expression.text, !node.isTypeOnly, '*');
			} else if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'require' && node.arguments.length === 1 && ts.isStringLiteral(node.arguments[0])) {
				add(node.arguments[0].text, true, '*');
			}
			ts.forEachChild(node, visit);
		};
		visit(source);
		graph.set(path.relative(root, file).replace(/\\/g, '/'), edges);
	}
	return graph;
}

/** Every cycle through the edges `follow` accepts, each once, as the list of its files (the first one repeated last). */
export function importCycles(graph: Map<string, ImportEdge[]>, follow: (edge: ImportEdge) => boolean): string[][] {
	const cycles: string[][] = [];
	const seen = new Set<string>();
	const state = new Map<string, 'open' | 'done'>();
	const stack: string[] = [];
	const walk = (file: string): void => {
		state.set(file, 'open');
		stack.push(file);
		for (const edge of graph.get(file) ?? []) {
			if (!follow(edge)) continue;
			if (state.get(edge.to) === 'open') {
				const cycle = stack.slice(stack.indexOf(edge.to));
				const key = [...cycle].sort().join('|');
				if (!seen.has(key)) {
					seen.add(key);
					cycles.push([...cycle, edge.to]);
				}
			} else if (!state.has(edge.to)) {
				walk(edge.to);
			}
		}
		stack.pop();
		state.set(file, 'done');
	};
	for (const file of [...graph.keys()].sort()) if (!state.has(file)) walk(file);
	return cycles;
}

function importedNames(node: ts.ImportDeclaration): readonly string[] | '*' {
	const bindings = node.importClause?.namedBindings;
	if (!bindings) return node.importClause?.name ? ['default'] : [];
	return ts.isNamespaceImport(bindings) ? '*' : bindings.elements.map((e) => (e.propertyName ?? e.name).text);
}

/** The names each `.ts` file under `dir` exports from its own top-level declarations. */
export function exportedNames(root: string, dir: string): Map<string, string[]> {
	const exports = new Map<string, string[]>();
	for (const file of tsFiles(path.join(root, dir))) {
		const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
		const names = source.statements.flatMap((statement) => {
			if (!ts.canHaveModifiers(statement) || !ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) return [];
			if (ts.isVariableStatement(statement)) return statement.declarationList.declarations.flatMap((d) => (ts.isIdentifier(d.name) ? [d.name.text] : []));
			const name = (statement as ts.DeclarationStatement).name;
			return name && ts.isIdentifier(name) ? [name.text] : [];
		});
		exports.set(path.relative(root, file).replace(/\\/g, '/'), names);
	}
	return exports;
}

function isTypeOnlyImport(node: ts.ImportDeclaration): boolean {
	const clause = node.importClause;
	if (!clause) return false;
	if (clause.isTypeOnly) return true;
	if (clause.name) return false;
	const bindings = clause.namedBindings;
	return !!bindings && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly);
}

function resolve(dir: string, specifier: string): string | undefined {
	const base = path.resolve(dir, specifier);
	return [`${base}.ts`, path.join(base, 'index.ts'), base].find((candidate) => fs.existsSync(candidate) && fs.statSync(candidate).isFile());
}

function tsFiles(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		return entry.isDirectory() ? tsFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
	});
}
