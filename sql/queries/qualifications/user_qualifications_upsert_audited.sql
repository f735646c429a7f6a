/* @name UserQualificationsUpsertAudited */
-- Records a qualification of a user, or replaces the one of the same (user, kind, aircraft type),
-- audited, in one statement. Admins record any; an instructor records the solo endorsements and
-- aircraft checkouts of the students they teach (an active booking together). The flags in the
-- answer say why nothing was written, if nothing was.
-- :aircraftTypeCode or null, :issuedOn or null, :expiresOn or null,
-- :actorId acting user id, :actorRole acting role,
-- :idempotencyKey or null
WITH target AS (
  SELECT u.id,
         (:actorRole! = 'ADMIN' OR u.id = :actorId!::uuid OR taught.yes) AS visible,
         (:actorRole = 'ADMIN' OR (:kind! IN ('SOLO_ENDORSEMENT', 'AIRCRAFT_CHECKOUT') AND taught.yes)) AS may_record
  FROM users u
  CROSS JOIN LATERAL (
    SELECT :actorRole = 'INSTRUCTOR' AND u.role = 'STUDENT'
           AND EXISTS (SELECT 1 FROM bookings b
                       WHERE b.student_id = u.id AND b.instructor_id = :actorId::uuid
                         AND b.status IN ('CONFIRMED', 'AT_RISK', 'RESCHEDULING', 'DISPATCHED')) AS yes
  ) AS taught
  WHERE u.id = :userId!::uuid
), type_known AS (
  SELECT :aircraftTypeCode::text IS NULL OR EXISTS (SELECT 1 FROM aircraft_types t WHERE t.code = :aircraftTypeCode) AS yes
), before AS (
  SELECT q.issued_on, q.expires_on, q.recorded_by
  FROM user_qualifications q
  WHERE q.user_id = :userId::uuid AND q.kind = :kind AND q.aircraft_type_code IS NOT DISTINCT FROM :aircraftTypeCode::text
), saved AS (
  INSERT INTO user_qualifications (user_id, kind, aircraft_type_code, issued_on, expires_on, recorded_by)
  SELECT t.id, :kind, :aircraftTypeCode::text, :issuedOn::date, :expiresOn::date, :actorId::uuid
  FROM target t, type_known k
  WHERE t.may_record AND k.yes
  ON CONFLICT ON CONSTRAINT user_qualifications_one_key DO UPDATE
    SET issued_on = EXCLUDED.issued_on, expires_on = EXCLUDED.expires_on, recorded_by = EXCLUDED.recorded_by
  RETURNING *, (xmax = 0) AS created
), audited AS (
  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
  SELECT 'user', s.user_id::text, CASE WHEN s.created THEN 'qualification.recorded' ELSE 'qualification.replaced' END,
         :actorId::uuid,
         jsonb_build_object('qualification_id', s.id, 'kind', s.kind, 'aircraft_type_code', s.aircraft_type_code,
                            'issued_on', s.issued_on, 'expires_on', s.expires_on,
                            'before', (SELECT to_jsonb(b) FROM before b))
  FROM saved s
), remembered AS (
  SELECT idempotency_remember(:actorId, :idempotencyKey, :requestPath, :requestHash, CASE WHEN s.created THEN 201 ELSE 200 END, to_jsonb(s) - 'created')
  FROM saved s
)
SELECT t.visible, t.may_record, k.yes AS type_known, s.*
FROM target t
CROSS JOIN type_known k
LEFT JOIN saved s ON true
CROSS JOIN (SELECT count(*) FROM remembered) AS stored;
