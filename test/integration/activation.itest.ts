import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands, EXTENSION_ID, Settings } from '../../src/constants';

function getExtension(): vscode.Extension<unknown> {
	const extension = vscode.extensions.getExtension(EXTENSION_ID);
	assert.ok(extension, `extension ${EXTENSION_ID} is not installed in this extension host`);
	return extension;
}

/** The manifest's declaration of one setting; `contributes.configuration` may be an object or an array. */
function declaredSetting(packageJson: unknown, key: string): Record<string, unknown> | undefined {
	const contributes = isRecord(packageJson) ? packageJson.contributes : undefined;
	const configuration = isRecord(contributes) ? contributes.configuration : undefined;
	const sections: unknown[] = Array.isArray(configuration) ? configuration : [configuration];
	for (const section of sections) {
		const properties = isRecord(section) ? section.properties : undefined;
		const setting = isRecord(properties) ? properties[key] : undefined;
		if (isRecord(setting)) return setting;
	}
	return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

suite('Activation', () => {
	test('the extension activates', async () => {
		const extension = getExtension();
		await extension.activate();
		assert.equal(extension.isActive, true);
		console.log(`VS Code ${vscode.version}, extension host Node ${process.version}, uiKind ${vscode.UIKind[vscode.env.uiKind]} (${vscode.env.uiKind})`);
	});

	test('in a browser window, where no local Node extension host exists, it runs in the workspace host', async () => {
		const extension = getExtension();
		await extension.activate();
		// The manifest prefers ["ui", "workspace"]; code-server, like Codespaces in a browser, has only a web worker
		// host on the UI side, which cannot run a Node extension.
		assert.equal(vscode.env.uiKind, vscode.UIKind.Web);
		assert.equal(extension.extensionKind, vscode.ExtensionKind.Workspace);
	});

	test('every command the extension declares is registered', async () => {
		await getExtension().activate();
		const registered = new Set(await vscode.commands.getCommands(true));
		const ids = Object.values(Commands);
		assert.ok(ids.length >= 6);
		const missing = ids.filter((id) => !registered.has(id));
		assert.deepEqual(missing, [], `commands not registered: ${missing.join(', ')}`);
	});

	test('cekura.apiBaseUrl defaults to https://api.cekura.ai and cannot be set per workspace', () => {
		const inspected = vscode.workspace.getConfiguration(Settings.section).inspect<string>(Settings.apiBaseUrl);
		assert.equal(inspected?.defaultValue, 'https://api.cekura.ai');
		const declared = declaredSetting(getExtension().packageJSON, 'cekura.apiBaseUrl');
		assert.ok(declared, 'package.json does not declare cekura.apiBaseUrl');
		assert.ok(
			declared.scope === 'machine' || declared.scope === 'application',
			`cekura.apiBaseUrl has scope ${JSON.stringify(declared.scope)}; it must be "machine" or "application" so a workspace cannot redirect the API key`,
		);
	});
});
