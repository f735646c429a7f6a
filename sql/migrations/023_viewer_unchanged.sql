-- Up Migration

-- A write that starts on the Worker's copy of its signed-in user (to save waiting for the sign-in
-- check first) proves that copy in its own transaction: this raises SK401 unless the user is
-- still active and unchanged since the copy was loaded, so a write decided on a stale role or a
-- deactivated user rolls back whole. The copy's updated_at is the API's, to the millisecond (and
-- the driver may land a microsecond-precise time one millisecond low), hence the window.
CREATE FUNCTION viewer_unchanged(subject text, seen_updated_at timestamptz) RETURNS void
LANGUAGE plpgsql STABLE AS $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM users
    WHERE auth_subject = subject AND active
      AND updated_at > seen_updated_at - interval '1 millisecond' AND updated_at < seen_updated_at + interval '2 milliseconds'
  ) THEN
    RAISE EXCEPTION 'the signed-in user changed since this request started' USING ERRCODE = 'SK401';
  END IF;
END
$$;

-- Down Migration

DROP FUNCTION IF EXISTS viewer_unchanged(text, timestamptz);
