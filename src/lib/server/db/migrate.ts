import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './index';
import * as m001 from './migrations/001_foundation';
import * as m002 from './migrations/002_rounds';
import * as m003 from './migrations/003_invitation_lookup';
import * as m004 from './migrations/004_results';
import * as m005 from './migrations/005_actions';
import * as m006 from './migrations/006_decisions_exports';
import * as m007 from './migrations/007_recurring_rounds';
import * as m008 from './migrations/008_pending_responses';
import * as m009 from './migrations/009_disclosure_pattern';
import * as m010 from './migrations/010_benchmark_publication';
import * as m012 from './migrations/012_expiry';
import * as m013 from './migrations/013_citus_ready';
import * as m014 from './migrations/014_not_used_counts';
import * as m015 from './migrations/015_area_spread';
import * as m016 from './migrations/016_benchmark_carried';
import * as m017 from './migrations/017_organization_actions';
import * as m018 from './migrations/018_unit_attributes';
import * as m019 from './migrations/019_closing_the_loop';
import * as m020 from './migrations/020_kpis';
import * as m021 from './migrations/021_kpi_reviews';
import * as m022 from './migrations/022_sales_agenda';
import * as m023 from './migrations/023_kpi_owners';
import * as m024 from './migrations/024_model_versions';
import * as m025 from './migrations/025_job_role_keys';
import * as m026 from './migrations/026_experiments';
import * as m027 from './migrations/027_billing';
import * as m028 from './migrations/028_vat_in_sek';
import * as m029 from './migrations/029_data_rights';
import * as m030 from './migrations/030_sso';
import * as m031 from './migrations/031_scim';

/** Migrations are bundled (not read from disk) so the built server carries them. */
const migrations: Record<string, Migration> = {
	'001_foundation': m001,
	'002_rounds': m002,
	'003_invitation_lookup': m003,
	'004_results': m004,
	'005_actions': m005,
	'006_decisions_exports': m006,
	'007_recurring_rounds': m007,
	'008_pending_responses': m008,
	'009_disclosure_pattern': m009,
	'010_benchmark_publication': m010,
	'012_expiry': m012,
	'013_citus_ready': m013,
	'014_not_used_counts': m014,
	'015_area_spread': m015,
	'016_benchmark_carried': m016,
	'017_organization_actions': m017,
	'018_unit_attributes': m018,
	'019_closing_the_loop': m019,
	'020_kpis': m020,
	'021_kpi_reviews': m021,
	'022_sales_agenda': m022,
	'023_kpi_owners': m023,
	'024_model_versions': m024,
	'025_job_role_keys': m025,
	'026_experiments': m026,
	'027_billing': m027,
	'028_vat_in_sek': m028,
	'029_data_rights': m029,
	'030_sso': m030,
	'031_scim': m031
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/**
 * Applies pending migrations. Kysely's PostgreSQL adapter holds an advisory lock for the
 * duration, so two instances starting together apply each migration once.
 */
export async function migrateToLatest(db: Db): Promise<string[]> {
	const migrator = new Migrator({ db, provider });
	const { error, results } = await migrator.migrateToLatest();
	if (error) throw error instanceof Error ? error : new Error(String(error));
	return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Applies or reverts migrations until `name` is the last one applied (tests of what a migration does to existing rows). */
export async function migrateTo(db: Db, name: string): Promise<void> {
	const { error } = await new Migrator({ db, provider }).migrateTo(name);
	if (error) throw error instanceof Error ? error : new Error(String(error));
}
