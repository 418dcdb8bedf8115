import * as fs from 'node:fs';
import * as path from 'node:path';
import { waitFor } from '../../support/waitFor';
import type { Flow } from '../workbench';

/**
 * `cekura.codeLens.enabled` turned off in the workspace's settings hides "Improve with Cekura runs" in the open
 * VAPI export at once, without a reload; turned on again, the CodeLens comes back.
 */
export const codeLensSetting: Flow = {
	name: 'codeLensSetting',
	async run({ wb, shotsDir, log, workspaceDir }) {
		const lenses = wb.page.locator('.part.editor .editor-group-container.active .codelens-decoration a', { hasText: 'Improve with Cekura runs' });
		const settingsDir = path.join(workspaceDir, '.vscode');
		const write = (enabled: boolean): void => {
			fs.mkdirSync(settingsDir, { recursive: true });
			fs.writeFileSync(path.join(settingsDir, 'settings.json'), `${JSON.stringify({ 'cekura.codeLens.enabled': enabled }, null, '\t')}\n`);
		};
		await wb.openFile('vapi-assistant.json', '"messages"');
		await lenses.first().waitFor({ state: 'visible', timeout: 20_000 });
		try {
			write(false);
			await waitFor(async () => (await lenses.count()) === 0, 'the CodeLens to go once cekura.codeLens.enabled is false', 15_000, 200);
			log(`off: ${await wb.screenshot(shotsDir, 'codelens-off.png')}`);
			write(true);
			await lenses.first().waitFor({ state: 'visible', timeout: 15_000 });
		} finally {
			// The workspace copy keeps files the fixture does not have: leave the setting to the next flows as it was.
			fs.rmSync(settingsDir, { recursive: true, force: true });
		}
	},
};
