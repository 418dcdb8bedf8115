import * as l10n from '@vscode/l10n';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Runs `body` with the German l10n bundle loaded, as VS Code in German hands it to the core modules; English again
 * after. For tests bundled to out/test/<kind>/, three folders below the repository.
 */
export function inGerman(body: (de: Record<string, string>) => void): void {
	const de = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'l10n', 'bundle.l10n.de.json'), 'utf8')) as Record<string, string>;
	l10n.config({ contents: de });
	try {
		body(de);
	} finally {
		l10n.config({ contents: {} });
	}
}
