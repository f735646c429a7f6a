-- Records a qualification of a user, or replaces the one of the same (user, kind, aircraft type),
-- audited, in one statement. Admins record any; an instructor records the solo endorsements and
-- aircraft checkouts of the students they teach (an active booking together). The flags in the
-- answer say why nothing was written, if nothing was.
-- $1 user id, $2 kind, $3 aircraft type code or null, $4 issued_on or null, $5 expires_on or null,
-- $6 acting user id, $7 acting role,
-- $8 Idempotency-Key or null, $9 request hash, $10 request path
WITH target AS (
  SELECT u.id,
         ($7 = 'ADMIN' OR u.id = $6::uuid OR taught.yes) AS visible,
         ($7 = 'ADMIN' OR ($2 IN ('SOLO_ENDORSEMENT', 'AIRCRAFT_CHECKOUT') AND taught.yes)) AS may_record
  FROM users u
  CROSS JOIN LATERAL (
    SELECT $7 = 'INSTRUCTOR' AND u.role = 'STUDENT'
           AND EXISTS (SELECT 1 FROM bookings b
                       WHERE b.student_id = u.id AND b.instructor_id = $6::uuid
                         AND b.status IN ('CONFIRMED', 'AT_RISK', 'RESCHEDULING', 'DISPATCHED')) AS yes
  ) AS taught
  WHERE u.id = $1::uuid
), type_known AS (
  SELECT $3::text IS NULL OR EXISTS (SELECT 1 FROM aircraft_types t WHERE t.code = $3) AS yes
), before AS (
  SELECT q.issued_on, q.expires_on, q.recorded_by
  FROM user_qualifications q
  WHERE q.user_id = $1::uuid AND q.kind = $2 AND q.aircraft_type_code IS NOT DISTINCT FROM $3::text
), saved AS (
  INSERT INTO user_qualifications (user_id, kind, aircraft_type_code, issued_on, expires_on, recorded_by)
  SELECT t.id, $2, $3::text, $4::date, $5::date, $6::uuid
  FROM target t, type_known k
  WHERE t.may_record AND k.yes
  ON CONFLICT ON CONSTRAINT user_qualifications_one_key DO UPDATE
    SET issued_on = EXCLUDED.issued_on, expires_on = EXCLUDED.expires_on, recorded_by = EXCLUDED.recorded_by
  RETURNING *, (xmax = 0) AS created
), audited AS (
  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
  SELECT 'user', s.user_id::text, CASE WHEN s.created THEN 'qualification.recorded' ELSE 'qualification.replaced' END,
         $6::uuid,
         jsonb_build_object('qualification_id', s.id, 'kind', s.kind, 'aircraft_type_code', s.aircraft_type_code,
                            'issued_on', s.issued_on, 'expires_on', s.expires_on,
                            'before', (SELECT to_jsonb(b) FROM before b))
  FROM saved s
), remembered AS (
  SELECT idempotency_remember($6, $8, $10, $9, CASE WHEN s.created THEN 201 ELSE 200 END, to_jsonb(s) - 'created')
  FROM saved s
)
SELECT t.visible, t.may_record, k.yes AS type_known, s.*
FROM target t
CROSS JOIN type_known k
LEFT JOIN saved s ON true
CROSS JOIN (SELECT count(*) FROM remembered) AS stored
