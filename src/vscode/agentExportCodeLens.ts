import * as vscode from 'vscode';
import { AGENT_EXPORT_LANGUAGES, mayHoldAgentPrompts, type AgentPromptField } from '../core/agentExportHint';
import { Commands, ORIGINAL_SCHEME, REVIEW_SCHEME, Settings } from '../constants';
import type { PromptLocation } from './promptLocation';

const ENABLED = `${Settings.section}.${Settings.codeLensEnabled}`;

/** The lazy half's finder of prompt fields in a VAPI or Retell export. */
interface AgentPromptFinder {
	findAgentPrompts(text: string): AgentPromptField[];
}

/**
 * "Improve with Cekura runs" above each prompt field of a VAPI assistant or Retell agent export: runs Improve Prompt
 * from Runs… on that field's text, without a selection. Nothing when `cekura.codeLens.enabled` is off for the
 * document's language. A cheap text check comes first; only a JSON document that may hold such fields loads the
 * parser (with the improve flow, dist/improve.js).
 */
class AgentExportCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
	private readonly changed = new vscode.EventEmitter<void>();
	readonly onDidChangeCodeLenses = this.changed.event;
	private readonly settingWatch = vscode.workspace.onDidChangeConfiguration((e) => {
		if (e.affectsConfiguration(ENABLED)) this.changed.fire();
	});

	constructor(private readonly improve: () => AgentPromptFinder) {}

	provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
		if (document.uri.scheme === REVIEW_SCHEME || document.uri.scheme === ORIGINAL_SCHEME) return [];
		if (!vscode.workspace.getConfiguration(Settings.section, document).get<boolean>(Settings.codeLensEnabled, true)) return [];
		const text = document.getText();
		if (!mayHoldAgentPrompts(text)) return [];
		return this.improve()
			.findAgentPrompts(text)
			.map((field) => {
				const line = document.positionAt(field.keyOffset).line;
				const location: PromptLocation = {
					uri: document.uri,
					range: new vscode.Range(document.positionAt(field.start), document.positionAt(field.end)),
					version: document.version,
					jsonPath: field.path,
				};
				return new vscode.CodeLens(new vscode.Range(line, 0, line, 0), {
					title: vscode.l10n.t('Improve with Cekura runs'),
					tooltip: tooltip(field),
					command: Commands.improvePrompt,
					arguments: [location],
				});
			});
	}

	dispose(): void {
		this.settingWatch.dispose();
		this.changed.dispose();
	}
}

function tooltip(field: AgentPromptField): string {
	if (field.platform === 'vapi') return vscode.l10n.t('Improve the system prompt of this VAPI assistant ({0}) from Cekura runs', field.label);
	if (field.stateName !== undefined) return vscode.l10n.t('Improve the prompt of the state "{0}" of this Retell agent ({1}) from Cekura runs', field.stateName, field.label);
	return vscode.l10n.t('Improve the prompt of this Retell agent ({0}) from Cekura runs', field.label);
}

/** The provider for JSON documents, whatever file system they are on. */
export function registerAgentExportCodeLens(improve: () => AgentPromptFinder): vscode.Disposable {
	const provider = new AgentExportCodeLensProvider(improve);
	const selector = AGENT_EXPORT_LANGUAGES.map((language) => ({ language }));
	return vscode.Disposable.from(vscode.languages.registerCodeLensProvider(selector, provider), provider);
}
