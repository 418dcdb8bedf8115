import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import * as readline from 'node:readline';
import { CekuraClient } from '../../src/improve/core/cekuraClient';
import { runChatTest } from '../../src/improve/core/chatTest/chatTest';
import type { AgentModel, ChatTestPlan } from '../../src/improve/core/chatTest/chatTestTypes';
import { fetchThroughVsCodeProxy } from '../../src/improve/vscode/nodeFetch';
import { DEMO_API_KEY } from '../server/cekuraServer';
import { SAMPLE_PROMPTS } from '../server/seedData';
import { FakeApiChat, noSleep, quietLog } from '../support/fakeApiChat';
import { localAgent } from '../support/localAgent';

/** A row of bench.ts's table. */
interface BenchRow {
	what: string;
	goal: string;
	values: number[];
	unit: 'ms' | 'µs';
	judge: 'median' | 'max' | 'value';
	limit?: number;
	note?: string;
}

const never = new AbortController().signal;
const instantAgent: AgentModel = { label: 'instant', reply: async (systemPrompt, conversation) => `${systemPrompt.slice(0, 20)} ${conversation.length}` };

/** (a) The extension's own time per agent turn: runChatTest with an ApiChat and a model in process that answer at once. */
async function ownTimePerTurn(): Promise<BenchRow> {
	const plan: ChatTestPlan = {
		scenarios: Array.from({ length: 10 }, (_, i) => ({ id: i + 1, name: `Scenario ${i + 1}`, agentId: 7, kind: 'failed' as const, fromRunIds: [] })),
		frequency: 2,
		maxTurns: 30,
		original: 'You are the front desk.',
		proposal: 'You are the GOOD front desk.',
	};
	const once = async (): Promise<number> => {
		const api = new FakeApiChat();
		api.script = () => ({ generatingPolls: 0, endAfter: 10 });
		const started = performance.now();
		const outcome = await runChatTest(plan, { api, agent: instantAgent, log: quietLog, sleep: noSleep }, never, () => undefined);
		const turns = outcome.chats.reduce((sum, chat) => sum + chat.turns, 0);
		return ((performance.now() - started) * 1000) / turns;
	};
	for (let i = 0; i < 3; i++) await once();
	const values: number[] = [];
	for (let i = 0; i < 15; i++) values.push(await once());
	return { what: 'chat test: the extension\'s own time per agent turn (model and server excluded)', goal: 'small beside a model call', values, unit: 'µs', judge: 'median', note: '40 chats × 10 turns, in-process ApiChat and model answering at once; n=15' };
}

/** The local Cekura server in a process of its own, so its work does not count as the extension's stall. */
async function startServerProcess(): Promise<{ url: string; stop: () => void }> {
	const child = spawn(process.execPath, [path.join(__dirname, '..', 'server', 'main.js'), '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
	const lines = readline.createInterface({ input: child.stdout });
	const url = await new Promise<string>((resolve, reject) => {
		lines.on('line', (line) => {
			const match = /Cekura local server listening on (\S+)/.exec(line);
			if (match) resolve(match[1]);
		});
		child.once('exit', (code) => reject(new Error(`the local server exited (${code})`)));
	});
	return { url, stop: () => child.kill('SIGTERM') };
}

/**
 * Watches the event loop every millisecond: the CPU time this process spent in its longest gap between two turns.
 * On a busy machine a gap can be long while the process waited for a CPU; its CPU time is the stall it caused itself.
 */
function cpuStallWatch(): { stop: () => number } {
	let lastCpu = process.cpuUsage();
	let longest = 0;
	const timer = setInterval(() => {
		const cpu = process.cpuUsage(lastCpu);
		longest = Math.max(longest, (cpu.user + cpu.system) / 1000);
		lastCpu = process.cpuUsage();
	}, 1);
	return {
		stop: () => {
			clearInterval(timer);
			return longest;
		},
	};
}

/** (b) The longest event-loop stall with 20 chats in flight: the real CekuraClient over loopback, a zero-delay agent. */
async function stallWith20Chats(): Promise<BenchRow[]> {
	const server = await startServerProcess();
	try {
		const client = new CekuraClient({ baseUrl: server.url, apiKey: DEMO_API_KEY, fetch: fetchThroughVsCodeProxy, improveTimeoutMs: 30_000 });
		const scenarios = [201, 202, 203, 204, 205].map((id) => ({ id, name: `Scenario ${id}`, agentId: 42, kind: 'failed' as const, fromRunIds: [] }));
		const plan: ChatTestPlan = { scenarios, frequency: 2, maxTurns: 30, original: SAMPLE_PROMPTS['dental-front-desk'], proposal: `${SAMPLE_PROMPTS['dental-front-desk']}\nWait for the caller to confirm.\n` };
		const max: number[] = [];
		const p99: number[] = [];
		const cpuMax: number[] = [];
		for (let i = -1; i < 3; i++) {
			const delay = monitorEventLoopDelay({ resolution: 1 });
			let inFlight = 0;
			delay.enable();
			const watch = cpuStallWatch();
			await runChatTest(plan, { api: client, agent: localAgent, log: quietLog, maxParallelChats: 20 }, never, (progress) => {
				if (progress.phase === 'chatting') inFlight = Math.max(inFlight, progress.chatsTotal - progress.chatsDone);
			});
			delay.disable();
			const cpu = watch.stop();
			// The first test warms up (modules loaded, code compiled); it is not counted.
			if (i < 0) continue;
			if (inFlight < 20) console.log(`chat test bench: only ${inFlight} chats were in flight at once`);
			max.push(delay.max / 1e6);
			p99.push(delay.percentile(99) / 1e6);
			cpuMax.push(cpu);
		}
		const note = '20 chats (5 scenarios × 2 × 2 prompts) in flight, local Cekura server in its own process; n=3 whole tests';
		return [
			{ what: 'chat test: longest event-loop stall, 20 chats in flight', goal: '≤ 50 ms', values: max, unit: 'ms', judge: 'max', limit: 50, note },
			{ what: 'chat test: event-loop delay p99, 20 chats in flight', goal: '≤ 50 ms', values: p99, unit: 'ms', judge: 'max', limit: 50, note },
			{ what: 'chat test: longest stall in this process\'s CPU time, 20 chats in flight', goal: '≤ 50 ms', values: cpuMax, unit: 'ms', judge: 'max', limit: 50, note: 'the wall-time stall minus waiting for a CPU on a busy machine' },
		];
	} finally {
		server.stop();
	}
}

export async function chatTestRows(): Promise<BenchRow[]> {
	return [await ownTimePerTurn(), ...(await stallWith20Chats())];
}
