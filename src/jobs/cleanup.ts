import completeFinishedSql from "../../sql/queries/cleanup/cleanup_bookings_completed_job.sql";
import notifyMaintenanceDueSql from "../../sql/queries/cleanup/cleanup_maintenance_due_job.sql";
import writeRollups from "../../sql/queries/cleanup/cleanup_metric_rollups_job.sql";
import deleteNotifications from "../../sql/queries/cleanup/cleanup_notifications_job.sql";
import deleteRescheduling from "../../sql/queries/cleanup/cleanup_rescheduling_job.sql";
import expireStandby from "../../sql/queries/cleanup/cleanup_standby_expired_job.sql";
import ensurePartitions from "../../sql/queries/cleanup/cleanup_system_logs_partitions_job.sql";
import deleteIdempotencyKeys from "../../sql/queries/cleanup/cleanup_idempotency_keys_older_than.sql";
import dropLogPartitions from "../../sql/queries/cleanup/cleanup_system_logs_older_than.sql";
import type { Db } from "../db/client";
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
  const [row] = await db.query<{ items: number }>(notifyMaintenanceDueSql, [now.toISOString()]);
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
  const completed = await inChunks(db, completeFinished(completeFinishedSql, at), MAX_CHUNKS);
  const notifications = await inChunks(db, oldNotifications(deleteNotifications, ago(now, NOTIFICATION_RETENTION_DAYS)), MAX_CHUNKS);
  const [rescheduling, keys, dropped, created, rollups, standby] = await db.batch([
    { text: deleteRescheduling, params: [ago(now, RESCHEDULING_RETENTION_DAYS)] },
    { text: deleteIdempotencyKeys, params: [at] },
    { text: dropLogPartitions, params: [ago(now, SYSTEM_LOG_RETENTION_DAYS)] },
    { text: ensurePartitions, params: [at] },
    { text: writeRollups, params: [at] },
    { text: expireStandby, params: [at] },
  ]);
  const maintenanceDue = await notifyMaintenanceDue(db, now);
  // Ingestions whose request ended before their flights reached the delay rollup.
  const flightsRolledUp = await repairDelayRollup(db, now);
  const first = (rows: Record<string, unknown>[] | undefined, key: string) => Number(rows?.[0]?.[key] ?? 0);
  return {
    bookings_completed: total(completed, "completed"),
    notifications_deleted: total(notifications, "deleted"),
    options_deleted: first(rescheduling, "options_deleted"),
    preferences_deleted: first(rescheduling, "preferences_deleted"),
    idempotency_keys_deleted: first(keys, "deleted"),
    log_partitions_dropped: first(dropped, "dropped_partitions"),
    log_partitions_created: first(created, "created_partitions"),
    rollups_written: first(rollups, "rollups_written"),
    standby_expired: first(standby, "expired"),
    maintenance_items_due: maintenanceDue,
    flights_rolled_up: flightsRolledUp,
    statements: completed.length + notifications.length + 7,
  };
};
