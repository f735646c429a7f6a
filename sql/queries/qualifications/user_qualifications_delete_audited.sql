/* @name UserQualificationsDeleteAudited */
-- Removes one qualification of a user, audited, in one statement, by whoever may record it
-- (see user_qualifications_upsert_audited.sql). The flags say why nothing was removed.
-- :actorId acting user id, :actorRole acting role
WITH found AS (
  SELECT q.id, q.kind,
         (:actorRole! = 'ADMIN' OR q.user_id = :actorId!::uuid OR taught.yes) AS visible,
         (:actorRole = 'ADMIN' OR (q.kind IN ('SOLO_ENDORSEMENT', 'AIRCRAFT_CHECKOUT') AND taught.yes)) AS may_remove
  FROM user_qualifications q
  JOIN users u ON u.id = q.user_id
  CROSS JOIN LATERAL (
    SELECT :actorRole = 'INSTRUCTOR' AND u.role = 'STUDENT'
           AND EXISTS (SELECT 1 FROM bookings b
                       WHERE b.student_id = u.id AND b.instructor_id = :actorId::uuid
                         AND b.status IN ('CONFIRMED', 'AT_RISK', 'RESCHEDULING', 'DISPATCHED')) AS yes
  ) AS taught
  WHERE q.id = :qualificationId!::uuid AND q.user_id = :userId!::uuid
), removed AS (
  DELETE FROM user_qualifications q USING found f WHERE q.id = f.id AND f.may_remove
  RETURNING q.*
), audited AS (
  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
  SELECT 'user', r.user_id::text, 'qualification.removed', :actorId::uuid,
         jsonb_build_object('qualification_id', r.id, 'kind', r.kind, 'aircraft_type_code', r.aircraft_type_code,
                            'issued_on', r.issued_on, 'expires_on', r.expires_on)
  FROM removed r
)
SELECT f.visible, f.may_remove, r.id
FROM found f
LEFT JOIN removed r ON true;
