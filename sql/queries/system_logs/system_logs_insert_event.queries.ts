/** Types generated for queries found in "sql/queries/system_logs/system_logs_insert_event.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** 'SystemLogsInsertEvent' parameters type */
export interface SystemLogsInsertEventParams {
  data?: Json | null | void;
  event: string;
  level: string;
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

const systemLogsInsertEventIR: any = {"usedParamSet":{"level":true,"event":true,"message":true,"requestId":true,"userId":true,"data":true},"params":[{"name":"level","required":true,"transform":{"type":"scalar"},"locs":[{"a":168,"b":174}]},{"name":"event","required":true,"transform":{"type":"scalar"},"locs":[{"a":177,"b":183}]},{"name":"message","required":false,"transform":{"type":"scalar"},"locs":[{"a":186,"b":193}]},{"name":"requestId","required":false,"transform":{"type":"scalar"},"locs":[{"a":196,"b":205}]},{"name":"userId","required":false,"transform":{"type":"scalar"},"locs":[{"a":208,"b":214}]},{"name":"data","required":false,"transform":{"type":"scalar"},"locs":[{"a":232,"b":236}]}],"statement":"-- One structured event. :level, :event, :message, :requestId, :userId, :data (json)\nINSERT INTO system_logs (level, event, message, request_id, user_id, data)\nVALUES (:level!, :event!, :message, :requestId, :userId::uuid, coalesce(:data::jsonb, '{}'))"};

/**
 * Query generated from SQL:
 * ```
 * -- One structured event. :level, :event, :message, :requestId, :userId, :data (json)
 * INSERT INTO system_logs (level, event, message, request_id, user_id, data)
 * VALUES (:level!, :event!, :message, :requestId, :userId::uuid, coalesce(:data::jsonb, '{}'))
 * ```
 */
export const systemLogsInsertEvent = new PreparedQuery<SystemLogsInsertEventParams,SystemLogsInsertEventResult>(systemLogsInsertEventIR);


