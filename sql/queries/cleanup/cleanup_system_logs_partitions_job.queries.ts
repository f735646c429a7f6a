/** Types generated for queries found in "sql/queries/cleanup/cleanup_system_logs_partitions_job.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type DateOrString = Date | string;

/** 'CleanupSystemLogsPartitionsJob' parameters type */
export interface CleanupSystemLogsPartitionsJobParams {
  now: DateOrString;
}

/** 'CleanupSystemLogsPartitionsJob' return type */
export interface CleanupSystemLogsPartitionsJobResult {
  created_partitions: number | null;
}

/** 'CleanupSystemLogsPartitionsJob' query type */
export interface CleanupSystemLogsPartitionsJobQuery {
  params: CleanupSystemLogsPartitionsJobParams;
  result: CleanupSystemLogsPartitionsJobResult;
}

const cleanupSystemLogsPartitionsJobIR: any = {"usedParamSet":{"now":true},"params":[{"name":"now","required":true,"transform":{"type":"scalar"},"locs":[{"a":135,"b":139}]}],"statement":"-- Creates the system_logs partitions for the next 14 UTC days ahead of the rows that need them.\nSELECT system_logs_ensure_partitions((:now!::timestamptz AT TIME ZONE 'UTC')::date, 14) AS created_partitions"};

/**
 * Query generated from SQL:
 * ```
 * -- Creates the system_logs partitions for the next 14 UTC days ahead of the rows that need them.
 * SELECT system_logs_ensure_partitions((:now!::timestamptz AT TIME ZONE 'UTC')::date, 14) AS created_partitions
 * ```
 */
export const cleanupSystemLogsPartitionsJob = new PreparedQuery<CleanupSystemLogsPartitionsJobParams,CleanupSystemLogsPartitionsJobResult>(cleanupSystemLogsPartitionsJobIR);


