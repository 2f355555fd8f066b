import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { benchmarkValue, MIN_FOR_PERCENTILES, MIN_ORGANIZATIONS, STATISTICS } from './math';
import { decideVersion, MIN_DIFFERENCE, type EarlierVersion, type Member } from './publish';

/**
 * The benchmark against a determined organization: random populations (segments that overlap in
 * every way, organizations joining, leaving and renewing their round, figures missing where too few
 * answered), versions built one after another, and every organization as the viewer. Everything a
 * viewer can see is collected — every published version, its own segments and 'all', every metric
 * and statistic — and checked: no figure rests on fewer than five others; within a version the
 * viewer's populations split the organizations into cells of none or at least five (so no linear
 * combination of them, whatever its weights, rests on 1 … 4 organizations); no two populations it
 * can see, of one version or of two, differ by 1 … 4 organizations; percentiles need ten others and
 * are never one organization's own mean.
 */

const METRICS = 3;
const FIELDS = ['industry', 'size', 'country', 'model'] as const;

interface Org {
	id: string;
	segments: string[];
}

interface World {
	orgs: Org[];
	/** Per build: each organization's contribution (round number and which metrics it has), or absent. */
	builds: Map<string, { round: number; has: boolean[] }>[];
}

const world: fc.Arbitrary<World> = fc
	.record({
		orgs: fc.array(fc.tuple(fc.nat(2), fc.nat(2), fc.nat(1), fc.nat(2)), { minLength: 4, maxLength: 36 }),
		steps: fc.array(
			fc.array(fc.tuple(fc.nat(40), fc.constantFrom('join', 'leave', 'renew', 'renew'), fc.array(fc.boolean(), { minLength: METRICS, maxLength: METRICS })), {
				maxLength: 14
			}),
			{ minLength: 1, maxLength: 6 }
		),
		start: fc.array(
			fc.tuple(
				fc.boolean(),
				fc.array(fc.oneof({ weight: 5, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }), {
					minLength: METRICS,
					maxLength: METRICS
				})
			),
			{ minLength: 36, maxLength: 36 }
		)
	})
	.map(({ orgs, steps, start }) => {
		const list: Org[] = orgs.map((a, i) => ({ id: `o${i}`, segments: a.map((v, f) => `${FIELDS[f]}:${v}`) }));
		let current = new Map<string, { round: number; has: boolean[] }>();
		list.forEach((o, i) => {
			if (start[i][0]) current.set(o.id, { round: 0, has: start[i][1] });
		});
		const builds = [new Map(current)];
		let round = 1;
		for (const step of steps) {
			current = new Map(current);
			for (const [who, what, has] of step) {
				const o = list[who % list.length];
				if (what === 'leave') current.delete(o.id);
				else current.set(o.id, { round: round++, has });
			}
			builds.push(new Map(current));
		}
		return { orgs: list, builds };
	});

/** Builds every version in turn as the job does; returns the published ones with what they show. */
function publish(w: World) {
	const published: (EarlierVersion & { members: Member[]; values: Map<string, number[]> })[] = [];
	for (const build of w.builds) {
		const members: Member[] = w.orgs
			.filter((o) => build.has(o.id))
			.map((o) => ({ organization: o.id, round: String(build.get(o.id)!.round), segments: o.segments, has: build.get(o.id)!.has }));
		const d = decideVersion(members, METRICS, published);
		if (!d.published) continue;
		const shown = new Map([...d.withheld].map(([s, w]) => [s, w.map((x) => x === null)]));
		// Each contribution's means: organization and round decide them (irregular, so that no mean is by chance the mean of others).
		const values = new Map(
			members.map((m) => [
				m.organization,
				Array.from(
					{ length: METRICS },
					(_, k) => 1 + 4 * frac(Math.sin(Number(m.organization.slice(1)) * 12.9898 + Number(m.round) * 78.233 + k * 37.719) * 43758.5453)
				)
			])
		);
		published.push({ members, shown, values });
	}
	return published;
}

const frac = (x: number) => x - Math.floor(x);

/** What one viewer can see: per published version, segment (its own and 'all') and metric, the population of other organizations behind a shown figure. */
function visible(published: ReturnType<typeof publish>, viewer: Org) {
	const out: { version: number; segment: string; metric: number; others: Map<string, string> }[] = [];
	published.forEach((v, version) => {
		for (const segment of ['all', ...viewer.segments])
			for (let metric = 0; metric < METRICS; metric++) {
				if (!v.shown.get(segment)?.[metric]) continue;
				const others = new Map(
					v.members
						.filter((m) => m.organization !== viewer.id && m.has[metric] && (segment === 'all' || m.segments.includes(segment)))
						.map((m) => [m.organization, m.round ?? ''])
				);
				// The reader shows a mean only with five others.
				if (others.size >= MIN_ORGANIZATIONS) out.push({ version, segment, metric, others });
			}
	});
	return out;
}

/** Organizations in one population and not the other, or in both from different rounds. */
function difference(a: Map<string, string>, b: Map<string, string>): number {
	let n = 0;
	for (const [o, r] of a) if (b.get(o) !== r) n++;
	for (const o of b.keys()) if (!a.has(o)) n++;
	return n;
}

describe('the benchmark, everything one organization can see', () => {
	it('never singles out fewer than five organizations', () => {
		fc.assert(
			fc.property(world, (w) => {
				const published = publish(w);
				for (const viewer of [...w.orgs, { id: 'outsider', segments: w.orgs[0].segments }]) {
					const seen = visible(published, viewer);
					for (const f of seen) expect(f.others.size).toBeGreaterThanOrEqual(MIN_ORGANIZATIONS);
					// Within a version: cells of none or at least five organizations, metric by metric.
					for (let version = 0; version < published.length; version++)
						for (let metric = 0; metric < METRICS; metric++) {
							const family = seen.filter((f) => f.version === version && f.metric === metric);
							const cells = new Map<string, number>();
							for (const m of published[version].members) {
								const pattern = family.map((f) => (f.others.has(m.organization) ? 1 : 0)).join('');
								if (pattern.includes('1')) cells.set(pattern, (cells.get(pattern) ?? 0) + 1);
							}
							for (const [pattern, n] of cells)
								expect(n, `version ${version}, metric ${metric}, cell ${pattern} of ${family.map((f) => f.segment)}`).toBeGreaterThanOrEqual(MIN_ORGANIZATIONS);
						}
					// Any two populations, of one version or two: the same, or five organizations apart.
					for (let i = 0; i < seen.length; i++)
						for (let j = i + 1; j < seen.length; j++) {
							if (seen[i].metric !== seen[j].metric) continue;
							const d = difference(seen[i].others, seen[j].others);
							expect(d === 0 || d >= MIN_ORGANIZATIONS, `${seen[i].segment}@${seen[i].version} vs ${seen[j].segment}@${seen[j].version}: ${d}`).toBe(true);
						}
					// Percentiles: ten others, and never one organization's own mean.
					for (const f of seen) {
						const v = published[f.version];
						const own = v.values.get(viewer.id)?.[f.metric] ?? null;
						const inPopulation = [...v.members].filter((m) => m.has[f.metric] && (f.segment === 'all' || m.segments.includes(f.segment)));
						const means = inPopulation.map((m) => v.values.get(m.organization)![f.metric]);
						const stats = {
							organizations: means.length,
							respondents: means.length * 10,
							meanSum: means.reduce((a, b) => a + b, 0),
							sortedMeans: [...means].sort((a, b) => a - b)
						};
						const mine = inPopulation.some((m) => m.organization === viewer.id) ? { mean: own, respondents: 10 } : null;
						for (const statistic of STATISTICS.filter((s) => s !== 'mean')) {
							const b = benchmarkValue(stats, statistic, mine);
							if (f.others.size < MIN_FOR_PERCENTILES) expect(b).toBeNull();
							else
								expect(
									means.some((x) => Math.abs(x - b!.value) < 1e-9),
									`${statistic} ${b!.value} is someone’s mean`
								).toBe(false);
						}
					}
				}
			}),
			{ numRuns: 400 }
		);
	});

	it('publishes a version only when six contributions changed since every earlier published one', () => {
		fc.assert(
			fc.property(world, (w) => {
				const published = publish(w);
				for (let i = 0; i < published.length; i++)
					for (let j = i + 1; j < published.length; j++) {
						const a = new Map(published[i].members.map((m) => [m.organization, m.round ?? '']));
						const b = new Map(published[j].members.map((m) => [m.organization, m.round ?? '']));
						expect(difference(a, b)).toBeGreaterThanOrEqual(MIN_DIFFERENCE);
					}
			}),
			{ numRuns: 200 }
		);
	});

	it('still shows segments that are far enough apart (the rule does not simply hide everything)', () => {
		// Largest first: country 1 (18) and 0 (6), then industry (cells of 6, 6 and 12); size would
		// split them into cells of three.
		const orgs = Array.from({ length: 24 }, (_, i) => ({
			organization: `o${i}`,
			round: 'r',
			segments: [`industry:${i % 2}`, `size:${i < 12 ? 0 : 1}`, `country:${i % 4 === 0 ? 0 : 1}`],
			has: [true]
		}));
		const d = decideVersion(orgs, 1, []);
		expect(d.published).toBe(true);
		for (const s of ['all', 'country:0', 'country:1', 'industry:0', 'industry:1']) expect(d.withheld.get(s), s).toEqual([null]);
		expect(d.withheld.get('size:0')).toEqual(['overlap']);
		expect(d.withheld.get('size:1')).toEqual(['overlap']);
	});
});

describe('a version decided against related model versions', () => {
	const member = (i: number, round = 'r', has = [true]): Member => ({ organization: `o${i}`, round: `${round}${i}`, segments: [], has });
	const shownAll = (members: Member[]): EarlierVersion => ({ members, shown: new Map([['all', [true]]]) });
	const base = Array.from({ length: 8 }, (_, i) => member(i));

	it('is published with exactly the related version’s contributions (nothing new) or six changed, not one to five', () => {
		expect(decideVersion(base, 1, [], [shownAll(base)]).published).toBe(true);
		for (let changed = 1; changed < MIN_DIFFERENCE; changed++) {
			const moved = base.map((m, i) => (i < changed ? member(i, 'new') : m));
			expect(decideVersion(moved, 1, [], [shownAll(base)]).published, `${changed} changed`).toBe(false);
		}
		const six = base.map((m, i) => (i < MIN_DIFFERENCE ? member(i, 'new') : m));
		expect(decideVersion(six, 1, [], [shownAll(base)]).published).toBe(true);
	});

	it('withholds a figure whose population is one to five organizations from one a related version showed', () => {
		// Six new organizations publish the version, but only one of them has the figure.
		const joined = [...base, member(20), ...Array.from({ length: 5 }, (_, i) => member(21 + i, 'r', [false]))];
		const d = decideVersion(joined, 1, [], [shownAll(base)]);
		expect(d.published).toBe(true);
		expect(d.withheld.get('all')![0]).toBe('versions');
	});
});
