import { performance } from 'node:perf_hooks';

/**
 * One measurement in slices: the longest synchronous slice of `run` (from a turn of the event loop to the next), in
 * wall time and in this process's CPU time (which a busy machine does not stretch), and the total.
 */
export async function measureSlices<T>(run: (pause: () => Promise<void>) => Promise<T>): Promise<{ longest: number; longestCpu: number; total: number; slices: number; result: T }> {
	const slices: number[] = [];
	const cpu: number[] = [];
	let sliceStart = performance.now();
	let cpuStart = process.cpuUsage();
	const endSlice = (): void => {
		slices.push(performance.now() - sliceStart);
		const used = process.cpuUsage(cpuStart);
		cpu.push((used.user + used.system) / 1000);
	};
	const pause = async (): Promise<void> => {
		endSlice();
		await new Promise((resolve) => setImmediate(resolve));
		sliceStart = performance.now();
		cpuStart = process.cpuUsage();
	};
	const started = performance.now();
	const result = await run(pause);
	endSlice();
	return { longest: Math.max(...slices), longestCpu: Math.max(...cpu), total: performance.now() - started, slices: slices.length, result };
}
