/* @name SettingsSelectBookingRules */
-- The booking rules in force, with who changed them last.
SELECT booking_rules() AS value, s.updated_at, s.updated_by
FROM (SELECT 1) AS one
LEFT JOIN settings s ON s.key = 'booking_rules';
