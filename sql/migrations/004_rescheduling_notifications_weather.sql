-- Up Migration

-- ---------------------------------------------------------------- reschedule options
CREATE TABLE reschedule_options (
  id             uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
  -- CASCADE: options only exist to resolve their booking.
  booking_id     uuid         NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
  -- 1 = best; the contract returns 1 to 5 options, best first.
  position       integer      NOT NULL,
  suggested_at   timestamptz  NOT NULL,
  ends_at        timestamptz  NOT NULL,
  confidence     numeric(4,3) NOT NULL,
  weather_status text         NOT NULL,
  reasons        jsonb        NOT NULL DEFAULT '[]',
  created_at     timestamptz  NOT NULL DEFAULT now(),
  CONSTRAINT reschedule_options_booking_position_key UNIQUE (booking_id, position),
  CONSTRAINT reschedule_options_position_check CHECK (position BETWEEN 1 AND 5),
  CONSTRAINT reschedule_options_time_order_check CHECK (ends_at > suggested_at),
  CONSTRAINT reschedule_options_confidence_check CHECK (confidence BETWEEN 0 AND 1),
  CONSTRAINT reschedule_options_weather_status_check CHECK (weather_status IN ('OK', 'VIOLATION', 'UNKNOWN')),
  CONSTRAINT reschedule_options_reasons_check CHECK (jsonb_typeof(reasons) = 'array')
);
COMMENT ON TABLE reschedule_options IS 'Current alternative slots offered for a booking in RESCHEDULING (replaced on each generation).';

-- ---------------------------------------------------------------- preference rankings
CREATE TABLE preference_rankings (
  id                     uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  -- CASCADE: preferences only exist to resolve their booking.
  booking_id             uuid        NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
  party                  text        NOT NULL,
  -- Ordered best first; ids of reschedule_options of the same booking (checked by the writer).
  ranked_option_ids      uuid[]      NOT NULL DEFAULT '{}',
  unavailable_option_ids uuid[]      NOT NULL DEFAULT '{}',
  deadline               timestamptz NOT NULL,
  submitted_at           timestamptz,
  reminder_sent_at       timestamptz,
  created_at             timestamptz NOT NULL DEFAULT now(),
  updated_at             timestamptz NOT NULL DEFAULT now(),
  -- One row per party per booking; resubmitting replaces it.
  CONSTRAINT preference_rankings_booking_party_key UNIQUE (booking_id, party),
  CONSTRAINT preference_rankings_party_check CHECK (party IN ('STUDENT', 'INSTRUCTOR')),
  -- Unsubmitted rows (created with the options, carrying the deadline) hold no ranking;
  -- submitted ones rank 1 to 3 options.
  CONSTRAINT preference_rankings_ranked_check CHECK (
    CASE WHEN submitted_at IS NULL THEN cardinality(ranked_option_ids) = 0
         ELSE cardinality(ranked_option_ids) BETWEEN 1 AND 3 END),
  CONSTRAINT preference_rankings_unavailable_check CHECK (cardinality(unavailable_option_ids) <= 5)
);
COMMENT ON TABLE preference_rankings IS 'Each party''s ranking of a booking''s reschedule options, with the submission deadline and reminder bookkeeping.';

-- The deadlines job looks for unsubmitted preferences by deadline.
CREATE INDEX preference_rankings_pending_deadline_idx ON preference_rankings (deadline)
  WHERE submitted_at IS NULL;

CREATE TRIGGER preference_rankings_set_updated_at BEFORE UPDATE ON preference_rankings
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- ---------------------------------------------------------------- notifications
CREATE TABLE notifications (
  id         uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  -- CASCADE: a person's inbox goes with the person.
  user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  type       text        NOT NULL,
  -- SET NULL: the message stays readable even if the booking row is removed.
  booking_id uuid        REFERENCES bookings (id) ON DELETE SET NULL,
  title      text        NOT NULL,
  body       text        NOT NULL DEFAULT '',
  data       jsonb       NOT NULL DEFAULT '{}',
  -- Lets a job send a notification exactly once: INSERT ... ON CONFLICT DO NOTHING.
  dedupe_key text,
  read_at    timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT notifications_dedupe_key_key UNIQUE (dedupe_key),
  CONSTRAINT notifications_type_check CHECK (type IN
    ('WEATHER_ALERT', 'OPTIONS_AVAILABLE', 'DEADLINE_REMINDER', 'CONFIRMATION', 'ESCALATION', 'CANCELLATION')),
  CONSTRAINT notifications_data_check CHECK (jsonb_typeof(data) = 'object')
);
COMMENT ON TABLE notifications IS 'In-app messages per user; dedupe_key makes job-sent notifications exactly-once.';

-- Newest-first inbox with keyset pagination, and the unread filter.
CREATE INDEX notifications_user_created_idx ON notifications (user_id, created_at DESC, id DESC);
CREATE INDEX notifications_user_unread_idx ON notifications (user_id, created_at DESC, id DESC)
  WHERE read_at IS NULL;
-- Cleanup deletes read notifications by age.
CREATE INDEX notifications_read_at_idx ON notifications (read_at) WHERE read_at IS NOT NULL;
CREATE INDEX notifications_booking_idx ON notifications (booking_id) WHERE booking_id IS NOT NULL;

-- ---------------------------------------------------------------- weather forecasts
CREATE TABLE weather_forecasts (
  -- CASCADE: a forecast for an airport that no longer exists is useless.
  airport    text        PRIMARY KEY REFERENCES airports (icao) ON DELETE CASCADE,
  issue_time timestamptz NOT NULL,
  valid_from timestamptz NOT NULL,
  valid_to   timestamptz NOT NULL,
  -- The TAF as the weather API returned it (fcsts[] and all).
  forecast   jsonb       NOT NULL,
  fetched_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT weather_forecasts_valid_order_check CHECK (valid_to > valid_from)
);
COMMENT ON TABLE weather_forecasts IS 'Latest TAF held per airport, as fetched from the weather API.';

-- Down Migration

DROP TABLE IF EXISTS weather_forecasts;
DROP TABLE IF EXISTS notifications;
DROP TABLE IF EXISTS preference_rankings;
DROP TABLE IF EXISTS reschedule_options;
