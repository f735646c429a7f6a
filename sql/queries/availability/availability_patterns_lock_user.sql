/* @name AvailabilityPatternsLockUser */
-- First statement of a weekly-set replacement: holds the user's row until commit, so two
-- replacements of the same week run one after the other and the second sees (and deletes)
-- what the first inserted; a single statement could not, its snapshot being taken up front.
SELECT id FROM users WHERE id = :userId! FOR UPDATE;
