import { cp, rm } from 'node:fs/promises';
import path from 'node:path';
import { copyOfModels } from './models';
import { useOwnDatabase } from './own-database';

/**
 * Points SOS_MODELS_DIR at a copy of the shipped models plus the fixture model `alignfix` 1.0 (four areas
 * with alignment pairs, tests/fixtures/models-align), and `db()` at a database of its own: only this
 * process knows the fixture model, so its rounds must not sit where the test server's jobs (the benchmark,
 * the emails at publication) or another file's benchmark would read them. Returns the function that undoes it.
 */
export async function useAlignmentModels(): Promise<() => Promise<void>> {
	const before = process.env.SOS_MODELS_DIR;
	const dir = await copyOfModels();
	await cp(path.resolve('tests/fixtures/models-align'), dir, { recursive: true });
	const restoreDb = await useOwnDatabase('sos_alignment');
	process.env.SOS_MODELS_DIR = dir;
	return async () => {
		await restoreDb();
		if (before === undefined) delete process.env.SOS_MODELS_DIR;
		else process.env.SOS_MODELS_DIR = before;
		await rm(dir, { recursive: true, force: true });
	};
}
