import { statement, type Db } from "../db/client";
import { cleanupIdempotencyKeysOlderThan } from "../../sql/queries/cleanup/cleanup_idempotency_keys_older_than.queries";
import { cleanupMaintenanceDueJob } from "../../sql/queries/cleanup/cleanup_maintenance_due_job.queries";
import { cleanupMetricRollupsJob } from "../../sql/queries/cleanup/cleanup_metric_rollups_job.queries";
import { cleanupReschedulingJob } from "../../sql/queries/cleanup/cleanup_rescheduling_job.queries";
import { cleanupStandbyExpiredJob } from "../../sql/queries/cleanup/cleanup_standby_expired_job.queries";
import { cleanupSystemLogsOlderThan } from "../../sql/queries/cleanup/cleanup_system_logs_older_than.queries";
import { cleanupSystemLogsPartitionsJob } from "../../sql/queries/cleanup/cleanup_system_logs_partitions_job.queries";
import { repairDelayRollup } from "../flights/rollup";
import { completeFinished, inChunks, oldNotifications, total } from "./chunks";
import type { Job } from "./job";

const DAY_MS = 86_400_000;
export const NOTIFICATION_RETENTION_DAYS = 90;
export const RESCHEDULING_RETENTION_DAYS = 30;
export const SYSTEM_LOG_RETENTION_DAYS = 30;
/** A run never loops forever; whatever is left, tomorrow's run takes (1 M old notifications take 200 chunks). */
const MAX_CHUNKS = 500;

const ago = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS).toISOString();

/** MAINTENANCE_DUE to the admins, once per item as it comes due; returns the items that turned due. */
export async function notifyMaintenanceDue(db: Db, now: Date): Promise<number> {
  const [row] = await db.query(cleanupMaintenanceDueJob, { now: now.toISOString() });
  return row?.items ?? 0;
}

/**
 * Nightly housekeeping: finished flights become COMPLETED, old read notifications, options and
 * preferences of resolved bookings and expired idempotency keys go, system logs past retention
 * are dropped a partition at a time (and the coming days' partitions made), standby entries
 * whose window has passed expire, the daily, weekly and monthly rollups of the day before are
 * written, and the admins hear of maintenance items coming due. Every step is set-based and safe
 * to repeat.
 */
export const cleanupJob: Job = async ({ now, db }) => {
  const at = now.toISOString();
  const completed = await inChunks(db, completeFinished(at), MAX_CHUNKS);
  const notifications = await inChunks(db, oldNotifications(ago(now, NOTIFICATION_RETENTION_DAYS)), MAX_CHUNKS);
  const [[rescheduling], [keys], [dropped], [created], [rollups], [standby]] = await db.batch([
    statement(cleanupReschedulingJob, { cutoff: ago(now, RESCHEDULING_RETENTION_DAYS) }),
    statement(cleanupIdempotencyKeysOlderThan, { cutoff: at }),
    statement(cleanupSystemLogsOlderThan, { cutoff: ago(now, SYSTEM_LOG_RETENTION_DAYS) }),
    statement(cleanupSystemLogsPartitionsJob, { now: at }),
    statement(cleanupMetricRollupsJob, { now: at }),
    statement(cleanupStandbyExpiredJob, { now: at }),
  ]);
  const maintenanceDue = await notifyMaintenanceDue(db, now);
  // Ingestions whose request ended before their flights reached the delay rollup.
  const repaired = await repairDelayRollup(db, now);
  return {
    bookings_completed: total(completed, "completed"),
    notifications_deleted: total(notifications, "deleted"),
    options_deleted: rescheduling?.options_deleted ?? 0,
    preferences_deleted: rescheduling?.preferences_deleted ?? 0,
    idempotency_keys_deleted: keys?.deleted ?? 0,
    log_partitions_dropped: dropped?.dropped_partitions ?? 0,
    log_partitions_created: created?.created_partitions ?? 0,
    rollups_written: rollups?.rollups_written ?? 0,
    standby_expired: standby?.expired ?? 0,
    maintenance_items_due: maintenanceDue,
    flights_rolled_up: total(repaired, "flights"),
    statements: completed.length + notifications.length + repaired.length + 7,
  };
};
