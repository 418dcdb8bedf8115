/**
 * Stable names of the extension's quick picks and input boxes, never shown: tests recognise a quick input by its id
 * rather than by its (translated, reworded) title. VS Code's own window ignores them.
 */
export const QuickInputIds = {
	apiKey: 'cekura.apiKey',
	modelApiKey: 'cekura.modelApiKey',
	runs: 'cekura.runs',
	runIds: 'cekura.runIds',
	focus: 'cekura.focus',
	againWhichRuns: 'cekura.againWhichRuns',
	note: 'cekura.note',
	engine: 'cekura.engine',
	serverBaseUrl: 'cekura.serverBaseUrl',
	chatModel: 'cekura.chatModel',
	serverModel: 'cekura.serverModel',
	serverModelName: 'cekura.serverModelName',
	whichReview: 'cekura.whichReview',
	history: 'cekura.history',
	historyFile: 'cekura.historyFile',
	historyRun: 'cekura.historyRun',
	historyEntry: 'cekura.historyEntry',
	historyCompare: 'cekura.historyCompare',
	testScenarios: 'cekura.testScenarios',
} as const;

export type QuickInputId = (typeof QuickInputIds)[keyof typeof QuickInputIds];
