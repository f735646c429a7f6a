/* @name CleanupMetricRollupsJob */
-- Writes the daily rollup of the UTC day before :now and the weekly (ISO week) and monthly rollups
-- that contain that day (rewritten each day until their period is over). Every status and every
-- notification type gets a row, zero included, so a recomputed period never keeps a stale count.
-- Metrics: bookings (by status, by scheduled time), weather_alerts, reschedules_resolved,
-- reschedules_escalated, alert_to_resolution_median_minutes, notifications_sent (by type).
WITH day AS (
  SELECT (:now!::timestamptz AT TIME ZONE 'UTC')::date - 1 AS d
), periods AS (
  SELECT 'daily' AS period, d AS period_start, d + 1 AS period_end FROM day
  UNION ALL
  SELECT 'weekly', date_trunc('week', d)::date, date_trunc('week', d)::date + 7 FROM day
  UNION ALL
  SELECT 'monthly', date_trunc('month', d)::date, (date_trunc('month', d) + interval '1 month')::date FROM day
), bounds AS (
  SELECT period, period_start,
         period_start::timestamp AT TIME ZONE 'UTC' AS from_ts,
         period_end::timestamp AT TIME ZONE 'UTC' AS to_ts
  FROM periods
), metrics AS (
  SELECT p.period, p.period_start, 'bookings' AS metric, jsonb_build_object('status', s.status) AS dimensions,
         count(b.id)::numeric AS value
  FROM bounds p
  CROSS JOIN (VALUES ('CONFIRMED'), ('AT_RISK'), ('RESCHEDULING'), ('RESCHEDULED'), ('CANCELLED'), ('COMPLETED')) AS s (status)
  LEFT JOIN bookings b ON b.status = s.status AND b.scheduled_at >= p.from_ts AND b.scheduled_at < p.to_ts
  GROUP BY p.period, p.period_start, s.status
  UNION ALL
  SELECT p.period, p.period_start, m.metric, '{}'::jsonb, count(a.id)::numeric
  FROM bounds p
  CROSS JOIN (VALUES ('weather_alerts', 'booking.weather_at_risk'),
                     ('reschedules_resolved', 'booking.rescheduled'),
                     ('reschedules_escalated', 'booking.escalated')) AS m (metric, action)
  LEFT JOIN audit_log a ON a.action = m.action AND a.created_at >= p.from_ts AND a.created_at < p.to_ts
  GROUP BY p.period, p.period_start, m.metric
  UNION ALL
  -- From the latest weather alert of a booking to its rescheduling, for those rescheduled in the period.
  SELECT p.period, p.period_start, 'alert_to_resolution_median_minutes', '{}'::jsonb,
         round((percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.created_at - alert.created_at) / 60))::numeric, 1)
  FROM bounds p
  JOIN audit_log r ON r.action = 'booking.rescheduled' AND r.created_at >= p.from_ts AND r.created_at < p.to_ts
  CROSS JOIN LATERAL (
    SELECT a.created_at FROM audit_log a
    WHERE a.entity_type = 'booking' AND a.entity_id = r.entity_id AND a.action = 'booking.weather_at_risk'
      AND a.created_at <= r.created_at
    ORDER BY a.created_at DESC
    LIMIT 1
  ) AS alert
  GROUP BY p.period, p.period_start
  UNION ALL
  SELECT p.period, p.period_start, 'notifications_sent', jsonb_build_object('type', t.type), count(n.id)::numeric
  FROM bounds p
  CROSS JOIN (VALUES ('WEATHER_ALERT'), ('OPTIONS_AVAILABLE'), ('DEADLINE_REMINDER'), ('CONFIRMATION'),
                     ('ESCALATION'), ('CANCELLATION')) AS t (type)
  LEFT JOIN notifications n ON n.type = t.type AND n.created_at >= p.from_ts AND n.created_at < p.to_ts
  GROUP BY p.period, p.period_start, t.type
), written AS (
  INSERT INTO metric_rollups (period, period_start, metric, dimensions, value)
  SELECT period, period_start, metric, dimensions, value FROM metrics
  ON CONFLICT (period, period_start, metric, dimensions) DO UPDATE SET value = EXCLUDED.value
  WHERE metric_rollups.value IS DISTINCT FROM EXCLUDED.value
  RETURNING 1
)
SELECT count(*)::int AS rollups_written FROM written;
