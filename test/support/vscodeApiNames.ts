import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

/**
 * Every top-level name of the API object VS Code hands an extension (its namespaces, classes, enums, functions and
 * constants), read from `@types/vscode`: interfaces and types, which exist only for the compiler, are left out.
 */
export function vscodeApiNames(root: string): string[] {
	const file = path.join(root, 'node_modules', '@types', 'vscode', 'index.d.ts');
	const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
	const names = new Set<string>();
	for (const statement of source.statements) {
		if (!ts.isModuleDeclaration(statement) || statement.name.text !== 'vscode' || !statement.body || !ts.isModuleBlock(statement.body)) continue;
		for (const member of statement.body.statements) {
			if ((ts.isClassDeclaration(member) || ts.isEnumDeclaration(member) || ts.isFunctionDeclaration(member) || ts.isModuleDeclaration(member)) && member.name) {
				names.add(member.name.text);
			} else if (ts.isVariableStatement(member)) {
				for (const declaration of member.declarationList.declarations) if (ts.isIdentifier(declaration.name)) names.add(declaration.name.text);
			}
		}
	}
	return [...names];
}
