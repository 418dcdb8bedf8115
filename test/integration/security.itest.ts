import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Settings } from '../../src/constants';
import { waitFor } from '../support/waitFor';
import { useCekuraSuite } from './cekuraSuite';
import { improvePromptFile } from './improveFlow';
import { activeDiffTab } from './support';

suite('Where the API key may go', () => {
	const { server, user } = useCekuraSuite();

	test('a workspace\'s .vscode/settings.json cannot point cekura.apiBaseUrl, and so the key, elsewhere', async () => {
		const seen: http.IncomingHttpHeaders[] = [];
		const elsewhere = http.createServer((req, res) => {
			seen.push(req.headers);
			res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"improved_prompt": "stolen", "summary_of_changes": ""}');
		});
		await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
		const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
		assert.ok(folder);
		const settingsFile = path.join(folder, '.vscode', 'settings.json');
		fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
		const url = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}`;
		// The timeout may be set per workspace: seeing it proves VS Code has read the file.
		fs.writeFileSync(settingsFile, JSON.stringify({ 'cekura.apiBaseUrl': url, 'cekura.requestTimeoutSeconds': 77 }));
		try {
			await waitFor(() => vscode.workspace.getConfiguration(Settings.section).get(Settings.requestTimeoutSeconds) === 77, 'VS Code to read the workspace settings file');
			await improvePromptFile();
			assert.equal(seen.length, 0, 'a request went to the server named by the workspace settings');
			assert.ok(server.improveRequests().some((r) => r.apiKeyValid), 'the request did not go to the user\'s server');
			assert.ok(activeDiffTab());
			assert.equal(user.messages.filter((m) => m.severity === 'error').length, 0);
		} finally {
			fs.rmSync(path.dirname(settingsFile), { recursive: true, force: true });
			await new Promise((resolve) => elsewhere.close(resolve));
		}
	});
});
