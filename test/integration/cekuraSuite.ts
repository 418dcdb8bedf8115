import * as assert from 'node:assert/strict';
import { Settings } from '../../src/constants';
import type { TestApi } from '../../src/extension';
import { startCekuraServer, type CekuraServer } from '../server/cekuraServer';
import { FakeUser } from './fakeUser';
import { liveHandle } from './liveHandle';
import { activateExtension, closeAllEditors, resetSettings, setSetting, storeKey } from './support';

/** What a suite's tests work with; each is a live handle (see `liveHandle`), valid while a test runs. */
export interface CekuraSuite {
	/** The extension's test API. */
	api: TestApi;
	/** The local Cekura server, one per suite, reset before each test. */
	server: CekuraServer;
	/** A new fake user for each test, with the demo key stored; a step of it that failed fails the test. */
	user: FakeUser;
}

/**
 * The prologue of every suite that runs against the local Cekura server, called first in its `suite()`: the
 * extension activated, one server for the suite with the extension pointed at it, and before each test default
 * settings, no remembered fallback engine, a fresh FakeUser in place of the UI and a stored key. After each test
 * the user is removed and every editor closed. More per-test setup goes in a `setup()` after this call.
 */
export function useCekuraSuite(): CekuraSuite {
	let api: TestApi | undefined;
	let user: FakeUser | undefined;
	suiteSetup(async () => {
		api = await activateExtension();
	});
	const server = useSuiteServer(startCekuraServer, (s) => s.reset(), 'the local Cekura server');
	suiteTeardown(async () => {
		await resetSettings();
	});
	setup(async () => {
		assert.ok(api, 'the extension did not activate');
		await resetSettings();
		await api.forgetFallbackEngine();
		await setSetting(Settings.apiBaseUrl, server.url);
		user = new FakeUser(api);
		await storeKey(user);
	});
	teardown(async () => {
		const failures = user?.failures ?? [];
		user?.dispose();
		user = undefined;
		await closeAllEditors();
		assert.deepEqual(failures.map(String), [], 'a step of the fake user failed');
	});
	return {
		api: liveHandle(() => api, 'the extension API'),
		server,
		user: liveHandle(() => user, 'the fake user'),
	};
}

/** A loopback server for a whole suite: started before its first test, `reset` before each, closed after its last. */
export function useSuiteServer<S extends { close(): Promise<void> }>(start: () => Promise<S>, reset: (server: S) => void, name: string): S {
	let server: S | undefined;
	suiteSetup(async () => {
		server = await start();
	});
	setup(() => {
		if (server) reset(server);
	});
	suiteTeardown(async () => {
		await server?.close();
		server = undefined;
	});
	return liveHandle(() => server, name);
}
