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

const systemLogsInsertEventIR: any = {"usedParamSet":{"level":true,"event":true,"message":true,"requestId":true,"userId":true,"data":true},"params":[{"name":"level","required":false,"transform":{"type":"scalar"},"locs":[{"a":212,"b":217}]},{"name":"event","required":false,"transform":{"type":"scalar"},"locs":[{"a":220,"b":225}]},{"name":"message","required":false,"transform":{"type":"scalar"},"locs":[{"a":228,"b":235}]},{"name":"requestId","required":false,"transform":{"type":"scalar"},"locs":[{"a":238,"b":247}]},{"name":"userId","required":false,"transform":{"type":"scalar"},"locs":[{"a":250,"b":256}]},{"name":"data","required":false,"transform":{"type":"scalar"},"locs":[{"a":274,"b":278}]}],"statement":"-- One structured event. :level level, :event event, :message message, :requestId request id, :userId user id, :data data (json)\nINSERT INTO system_logs (level, event, message, request_id, user_id, data)\nVALUES (:level, :event, :message, :requestId, :userId::uuid, coalesce(:data::jsonb, '{}'))"};

/**
 * Query generated from SQL:
 * ```
 * -- One structured event. :level level, :event event, :message message, :requestId request id, :userId user id, :data data (json)
 * INSERT INTO system_logs (level, event, message, request_id, user_id, data)
 * VALUES (:level, :event, :message, :requestId, :userId::uuid, coalesce(:data::jsonb, '{}'))
 * ```
 */
export const systemLogsInsertEvent = new PreparedQuery<SystemLogsInsertEventParams,SystemLogsInsertEventResult>(systemLogsInsertEventIR);


