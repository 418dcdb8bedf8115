import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { errorMessage } from '../../src/core/errorMessage';
import { Teardown, repoRoot, startCodeServer } from '../e2e/codeServer';
import { DEMO_API_KEY, startCekuraServer } from '../server/cekuraServer';
import { startOpenAiServer } from '../server/openAiServer';
import { SAMPLE_PROMPTS } from '../server/seedData';

/**
 * `npm run demo`: the packaged extension in a VS Code on a sample workspace, against the local Cekura server.
 * A desktop VS Code when `code` is on the PATH (or CEKURA_DEMO_CODE names one), otherwise code-server in the
 * browser. Runs until Ctrl+C, then stops everything it started.
 */
async function main(): Promise<void> {
	const root = repoRoot();
	const vsix = path.join(root, 'dist', 'cekura-prompt-improver.vsix');
	if (!fs.existsSync(vsix)) throw new Error(`${vsix} is missing: run \`npm run package\` first (\`npm run demo\` does).`);
	const teardown = new Teardown();
	let stopping = false;
	const stop = (): void => {
		if (stopping) return;
		stopping = true;
		console.log('\nStopping the demo…');
		void teardown.run().then(() => process.exit(0));
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);

	const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'cekura-demo-'));
	fs.cpSync(path.join(root, 'test', 'fixtures', 'demo-workspace'), workspace, { recursive: true });
	writeSamplePrompts(workspace);
	// Agent exports as VAPI and Retell write them, each prompt field with its CodeLens "Improve with Cekura runs".
	for (const name of ['vapi-assistant.json', 'retell-agent.json']) {
		fs.mkdirSync(path.join(workspace, 'exports'), { recursive: true });
		fs.copyFileSync(path.join(root, 'test', 'fixtures', 'workspace', name), path.join(workspace, 'exports', name));
	}
	teardown.add('remove the demo workspace', () => fs.rmSync(workspace, { recursive: true, force: true }));

	const port = Number(process.env.CEKURA_DEMO_SERVER_PORT ?? 0);
	const server = await startCekuraServer({ port });
	teardown.add('stop the local Cekura server', () => server.close());
	// Like Cekura's own server since mid-2026: no improve_prompt, so the model engine takes over.
	// CEKURA_DEMO_IMPROVE=cekura keeps the endpoint, to see Cekura's own path.
	const cekuraImproves = process.env.CEKURA_DEMO_IMPROVE === 'cekura';
	if (!cekuraImproves) server.setModes({ improve: 'removed-404' });
	const model = await startOpenAiServer();
	teardown.add('stop the local model server', () => model.close());
	const settings = { 'cekura.apiBaseUrl': server.url, 'cekura.openaiCompatible.baseUrl': model.url, 'cekura.openaiCompatible.model': 'local-improver' };

	console.log(`Local Cekura server: ${server.url}   API key: ${DEMO_API_KEY}   improve_prompt: ${cekuraImproves ? 'offered' : 'answers 404, as Cekura\'s does'}`);
	console.log(`Local model server:  ${model.url}   (OpenAI-compatible, no key needed)`);
	console.log(`Sample workspace:    ${workspace}`);

	const desktop = process.env.CEKURA_DEMO_CODE ?? findOnPath('code');
	if (desktop) {
		const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'cekura-demo-profile-'));
		teardown.add('remove the demo profile', () => fs.rmSync(profile, { recursive: true, force: true }));
		const userDataDir = path.join(profile, 'user-data');
		const extensionsDir = path.join(profile, 'extensions');
		fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
		fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, '\t'));
		const profileArgs = ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
		const install = spawnSync(desktop, [...profileArgs, '--install-extension', vsix], { stdio: 'inherit' });
		if (install.status !== 0) throw new Error(`${desktop} --install-extension failed (exit ${install.status})`);
		console.log(`Opening VS Code (${desktop}) with the extension installed. Close the window or press Ctrl+C to stop.`);
		const child = spawn(desktop, [...profileArgs, '--new-window', '--wait', workspace], { stdio: 'inherit' });
		child.on('close', stop);
		return;
	}

	console.log('No desktop VS Code on the PATH: starting code-server (VS Code in the browser)…');
	const codeServer = await startCodeServer({ installVsix: vsix, userSettings: settings, workspace });
	teardown.add('stop code-server', () => codeServer.stop());
	console.log(`\nOpen this address in your browser:\n\n  ${codeServer.url}/?folder=${encodeURIComponent(workspace)}\n`);
	console.log(`Then open prompts/dental-front-desk.md, select the prompt, right-click › Improve Prompt from Runs…, and paste the API key ${DEMO_API_KEY} when asked.`);
	if (!cekuraImproves) console.log('The local Cekura server answers 404 on improve_prompt: choose "Use local-improver at …" when asked, once.');
	console.log('Press Ctrl+C to stop.');
}

/** The seeded agents' prompts, each in a form voice-agent projects keep them in: Markdown, a JSON string, a YAML block. */
function writeSamplePrompts(workspace: string): void {
	const write = (file: string, text: string): void => {
		fs.mkdirSync(path.dirname(path.join(workspace, file)), { recursive: true });
		fs.writeFileSync(path.join(workspace, file), text);
	};
	write('prompts/dental-front-desk.md', SAMPLE_PROMPTS['dental-front-desk']);
	const pizza = {
		agent: 'pizza-order-line',
		cekuraAgentId: 57,
		voice: { provider: 'elevenlabs', voiceId: 'rachel', speed: 1.05 },
		llm: { model: 'gpt-4.1', temperature: 0.3 },
		systemPrompt: SAMPLE_PROMPTS['pizza-order-line'],
		endCallPhrases: ['goodbye', "that's all"],
	};
	write('config/pizza-order-line.json', `${JSON.stringify(pizza, null, 2)}\n`);
	const block = SAMPLE_PROMPTS['clinic-after-hours-triage']
		.trimEnd()
		.split('\n')
		.map((line) => (line ? `  ${line}` : ''))
		.join('\n');
	write('config/clinic-triage.yaml', `agent: clinic-after-hours-triage\ncekura_agent_id: 63\nvoice:\n  provider: vapi\n  voice_id: jennifer\nsystem_prompt: |\n${block}\nend_call_phrases:\n  - goodbye\n`);
}

function findOnPath(command: string): string | undefined {
	for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
		const candidate = path.join(dir, command);
		try {
			fs.accessSync(candidate, fs.constants.X_OK);
			return candidate;
		} catch {
			// not here
		}
	}
	return undefined;
}

main().catch((err: unknown) => {
	console.error(`demo: ${errorMessage(err)}`);
	process.exit(1);
});
