/** Identifiers that package.json, the README, tests and users rely on. Keep them in sync with package.json. */

export const EXTENSION_ID = 'cekura.cekura-prompt-improver';

export const Commands = {
	improvePrompt: 'cekura.improvePrompt',
	setApiKey: 'cekura.setApiKey',
	clearApiKey: 'cekura.clearApiKey',
	applyImprovement: 'cekura.applyImprovement',
	discardImprovement: 'cekura.discardImprovement',
	showReviewSummary: 'cekura.showReviewSummary',
	setModelApiKey: 'cekura.setModelApiKey',
	chooseEngine: 'cekura.chooseEngine',
	improveAgain: 'cekura.improveAgain',
	showEvidence: 'cekura.showEvidence',
	nextChange: 'cekura.nextChange',
	previousChange: 'cekura.previousChange',
	keepOriginalChange: 'cekura.keepOriginalChange',
	keepProposedChange: 'cekura.keepProposedChange',
	showHistory: 'cekura.showHistory',
	testProposal: 'cekura.testProposal',
	improveAgainFromTest: 'cekura.improveAgainFromTest',
} as const;

export type CommandId = (typeof Commands)[keyof typeof Commands];

export const Settings = {
	section: 'cekura',
	apiBaseUrl: 'apiBaseUrl',
	requestTimeoutSeconds: 'requestTimeoutSeconds',
	runsAgentId: 'runs.agentId',
	runsProjectId: 'runs.projectId',
	improveEngine: 'improve.engine',
	vscodeLmModel: 'vscodeLm.model',
	openaiBaseUrl: 'openaiCompatible.baseUrl',
	openaiModel: 'openaiCompatible.model',
	openaiMaxInputTokens: 'openaiCompatible.maxInputTokens',
	testFrequency: 'test.frequency',
	testMaxTurns: 'test.maxTurns',
	checksGrowthBudgetPercent: 'checks.growthBudgetPercent',
	codeLensEnabled: 'codeLens.enabled',
	editorTitleButton: 'editorTitleButton',
} as const;

export const ContextKeys = {
	/** True while at least one review diff is open. */
	reviewOpen: 'cekura.reviewOpen',
	/** True while the proposal side of a review diff is the active editor. */
	reviewEditorFocused: 'cekura.reviewEditorFocused',
	/** True while an open review has a test whose proposal still fails or regressed (Improve Again with Test Results). */
	testedReviewFails: 'cekura.testedReviewFails',
	/**
	 * The right sides of the reviews whose proposal is still arriving (drafts): in their title bars, the actions that
	 * refuse a draft are hidden (`resource not in cekura.draftingReviews`).
	 */
	draftingReviews: 'cekura.draftingReviews',
	/** The files improved before (`resource in cekura.improvedFiles`): the ✨ title-bar button shows there. */
	improvedFiles: 'cekura.improvedFiles',
} as const;

/** Where `cekura.editorTitleButton` shows Improve Prompt from Runs… in the editor title bar. */
export const EditorTitleButton = {
	/** Prompt files (`.prompt.md`, `.prompty`) and files improved before: the default. */
	promptFiles: 'promptFiles',
	/** Also every Markdown and plain-text file. */
	allMarkdownAndText: 'allMarkdownAndText',
} as const;

export const SECRET_API_KEY = 'cekura.apiKey';

/** The key of the OpenAI-compatible server, kept apart from the Cekura key. */
export const SECRET_MODEL_API_KEY = 'cekura.modelApiKey';

/** workspaceState (globalState in a window without a folder, as the history): the files improved before, as URI strings. */
export const IMPROVED_FILES_KEY = 'cekura.improvedFiles';

/** globalState: the model engine chosen when Cekura's server did not offer improve_prompt (per machine). */
export const FALLBACK_ENGINE_KEY = 'cekura.fallbackEngine';

/** URI scheme of the improved side of a review diff: in memory, writable. */
export const REVIEW_SCHEME = 'cekura-review';

/** URI scheme of the original side of a review diff: in memory, registered read-only. */
export const ORIGINAL_SCHEME = 'cekura-original';

/** URI scheme of the read-only evidence page of a review (Markdown, shown in the Markdown preview). */
export const EVIDENCE_SCHEME = 'cekura-evidence';
/** URI scheme of the read-only versions of proposals kept in the improvement history. */
export const HISTORY_SCHEME = 'cekura-history';

/** workspaceState key for the run IDs used last in this workspace. */
export const LAST_RUN_IDS_KEY = 'cekura.lastRunIds';

export const LOG_CHANNEL_NAME = 'Cekura';
