/** Types generated for queries found in "sql/queries/cleanup/cleanup_system_logs_older_than.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type DateOrString = Date | string;

/** 'CleanupSystemLogsOlderThan' parameters type */
export interface CleanupSystemLogsOlderThanParams {
  cutoff: DateOrString;
}

/** 'CleanupSystemLogsOlderThan' return type */
export interface CleanupSystemLogsOlderThanResult {
  dropped_partitions: number | null;
}

/** 'CleanupSystemLogsOlderThan' query type */
export interface CleanupSystemLogsOlderThanQuery {
  params: CleanupSystemLogsOlderThanParams;
  result: CleanupSystemLogsOlderThanResult;
}

const cleanupSystemLogsOlderThanIR: any = {"usedParamSet":{"cutoff":true},"params":[{"name":"cutoff","required":true,"transform":{"type":"scalar"},"locs":[{"a":177,"b":184}]}],"statement":"-- Drops the daily system_logs partitions of days before the cutoff's UTC date (and purges older\n-- rows from the default partition).\nSELECT system_logs_drop_partitions_before((:cutoff!::timestamptz AT TIME ZONE 'UTC')::date) AS dropped_partitions"};

/**
 * Query generated from SQL:
 * ```
 * -- Drops the daily system_logs partitions of days before the cutoff's UTC date (and purges older
 * -- rows from the default partition).
 * SELECT system_logs_drop_partitions_before((:cutoff!::timestamptz AT TIME ZONE 'UTC')::date) AS dropped_partitions
 * ```
 */
export const cleanupSystemLogsOlderThan = new PreparedQuery<CleanupSystemLogsOlderThanParams,CleanupSystemLogsOlderThanResult>(cleanupSystemLogsOlderThanIR);


