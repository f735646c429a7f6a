/** Types generated for queries found in "sql/queries/availability/availability_patterns_lock_user.sql" */
import { PreparedQuery } from '../../../src/db/typed';

/** 'AvailabilityPatternsLockUser' parameters type */
export interface AvailabilityPatternsLockUserParams {
  userId: string;
}

/** 'AvailabilityPatternsLockUser' return type */
export interface AvailabilityPatternsLockUserResult {
  id: string;
}

/** 'AvailabilityPatternsLockUser' query type */
export interface AvailabilityPatternsLockUserQuery {
  params: AvailabilityPatternsLockUserParams;
  result: AvailabilityPatternsLockUserResult;
}

const availabilityPatternsLockUserIR: any = {"usedParamSet":{"userId":true},"params":[{"name":"userId","required":true,"transform":{"type":"scalar"},"locs":[{"a":306,"b":313}]}],"statement":"-- First statement of a weekly-set replacement: holds the user's row until commit, so two\n-- replacements of the same week run one after the other and the second sees (and deletes)\n-- what the first inserted; a single statement could not, its snapshot being taken up front.\nSELECT id FROM users WHERE id = :userId! FOR UPDATE"};

/**
 * Query generated from SQL:
 * ```
 * -- First statement of a weekly-set replacement: holds the user's row until commit, so two
 * -- replacements of the same week run one after the other and the second sees (and deletes)
 * -- what the first inserted; a single statement could not, its snapshot being taken up front.
 * SELECT id FROM users WHERE id = :userId! FOR UPDATE
 * ```
 */
export const availabilityPatternsLockUser = new PreparedQuery<AvailabilityPatternsLockUserParams,AvailabilityPatternsLockUserResult>(availabilityPatternsLockUserIR);


