/** Types generated for queries found in "sql/queries/system_logs/system_logs_insert_event.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** 'SystemLogsInsertEvent' parameters type */
export interface SystemLogsInsertEventParams {
  data?: Json | null | void;
  event?: string | null | void;
  level?: string | null | void;
  message?: string | null | void;
  requestId?: string | null | void;
  userId?: string | null | void;
}

/** 'SystemLogsInsertEvent' return type */
export type SystemLogsInsertEventResult = void;

/** 'SystemLogsInsertEvent' query type */
export interface SystemLogsInsertEventQuery {
  params: SystemLogsInsertEventParams;
  result: SystemLogsInsertEventResult;
}

const systemLogsInsertEventIR: any = {"usedParamSet":{"level":true,"event":true,"message":true,"requestId":true,"userId":true,"data":true},"params":[{"name":"level","required":false,"transform":{"type":"scalar"},"locs":[{"a":168,"b":173}]},{"name":"event","required":false,"transform":{"type":"scalar"},"locs":[{"a":176,"b":181}]},{"name":"message","required":false,"transform":{"type":"scalar"},"locs":[{"a":184,"b":191}]},{"name":"requestId","required":false,"transform":{"type":"scalar"},"locs":[{"a":194,"b":203}]},{"name":"userId","required":false,"transform":{"type":"scalar"},"locs":[{"a":206,"b":212}]},{"name":"data","required":false,"transform":{"type":"scalar"},"locs":[{"a":230,"b":234}]}],"statement":"-- One structured event. :level, :event, :message, :requestId, :userId, :data (json)\nINSERT INTO system_logs (level, event, message, request_id, user_id, data)\nVALUES (:level, :event, :message, :requestId, :userId::uuid, coalesce(:data::jsonb, '{}'))"};

/**
 * Query generated from SQL:
 * ```
 * -- One structured event. :level, :event, :message, :requestId, :userId, :data (json)
 * INSERT INTO system_logs (level, event, message, request_id, user_id, data)
 * VALUES (:level, :event, :message, :requestId, :userId::uuid, coalesce(:data::jsonb, '{}'))
 * ```
 */
export const systemLogsInsertEvent = new PreparedQuery<SystemLogsInsertEventParams,SystemLogsInsertEventResult>(systemLogsInsertEventIR);


