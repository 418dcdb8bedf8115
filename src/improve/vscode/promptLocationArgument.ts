import * as vscode from 'vscode';
import { findAgentPrompt } from '../core/agentExport';
import type { Ui } from '../../vscode/ui';
import type { JsonPath } from '../../core/agentExportHint';
import type { PromptLocation } from '../../vscode/promptLocation';

/**
 * The command's argument as a location, or undefined when it is none: menus pass the resource's URI (the editor's
 * selection is meant then), the Command Palette nothing.
 */
export function asPromptLocation(arg: unknown): PromptLocation | undefined {
	if (typeof arg !== 'object' || arg === null) return undefined;
	const { uri, range, version, jsonPath } = arg as Record<string, unknown>;
	const parsedUri = uri instanceof vscode.Uri ? uri : typeof uri === 'string' ? parseUri(uri) : undefined;
	const parsedRange = range instanceof vscode.Range ? range : asRange(range);
	if (!parsedUri || !parsedRange) return undefined;
	return {
		uri: parsedUri,
		range: parsedRange,
		version: typeof version === 'number' ? version : undefined,
		jsonPath: Array.isArray(jsonPath) && jsonPath.every((p) => typeof p === 'string' || typeof p === 'number') ? (jsonPath as JsonPath) : undefined,
	};
}

function parseUri(text: string): vscode.Uri | undefined {
	try {
		return vscode.Uri.parse(text, true);
	} catch {
		return undefined;
	}
}

/** A range given as plain data (`{start: {line, character}, end: …}`), as a command argument may arrive. */
function asRange(value: unknown): vscode.Range | undefined {
	if (typeof value !== 'object' || value === null) return undefined;
	const { start, end } = value as Record<string, unknown>;
	const position = (p: unknown): vscode.Position | undefined => {
		if (typeof p !== 'object' || p === null) return undefined;
		const { line, character } = p as Record<string, unknown>;
		return Number.isInteger(line) && Number.isInteger(character) && (line as number) >= 0 && (character as number) >= 0 ? new vscode.Position(line as number, character as number) : undefined;
	};
	const from = position(start);
	const to = position(end);
	return from && to ? new vscode.Range(from, to) : undefined;
}

/**
 * The document and range `location` points at now. When the document changed after the location was measured, an
 * agent-export field is found again by its path; otherwise, or when it is gone, the user is told and nothing is sent.
 */
export async function resolvePromptLocation(ui: Ui, location: PromptLocation): Promise<{ document: vscode.TextDocument; range: vscode.Range } | undefined> {
	let document: vscode.TextDocument;
	try {
		document = await vscode.workspace.openTextDocument(location.uri);
	} catch {
		ui.notify('warning', vscode.l10n.t('Cekura: {0} cannot be opened, so its prompt was not improved.', location.uri.toString(true)));
		return undefined;
	}
	const name = location.uri.path.split('/').pop() ?? location.uri.toString(true);
	if (location.version === undefined || location.version === document.version) {
		const range = document.validateRange(location.range);
		if (range.isEqual(location.range)) return { document, range };
	} else if (location.jsonPath) {
		const field = findAgentPrompt(document.getText(), location.jsonPath);
		if (field) return { document, range: new vscode.Range(document.positionAt(field.start), document.positionAt(field.end)) };
	}
	ui.notify('warning', vscode.l10n.t('Cekura: the prompt is no longer where it was in {0}, so nothing was sent. Run the improvement from the prompt again.', name));
	return undefined;
}
