import { resolver } from "hono-openapi";
import * as v from "valibot";

/** valibot → JSON Schema 2020-12 for OpenAPI 3.1: requests as clients send them, answers as sent. */
export const requestSchemaOptions = { options: { target: "draft-2020-12", typeMode: "input", errorMode: "ignore" } };
const responseSchemaOptions = { options: { target: "draft-2020-12", typeMode: "output", errorMode: "ignore" } };

/**
 * A JSON success response described by the schema of what the route's presenter returns. The
 * valibot schema rides along (hono-openapi reads only the resolver), so tests can check real
 * answers against exactly what the document promises.
 */
export function jsonResponse(schema: v.GenericSchema, description: string) {
  return { description, content: { "application/json": { schema: { ...resolver(schema, responseSchemaOptions), valibot: schema } } } };
}

/** A success response without a body (204, 304). */
export const emptyResponse = (description: string) => ({ description });

/** A named schema: `components.schemas[name]` in the document, a named type in generated clients. */
export const named = <S extends v.GenericSchema>(name: string, schema: S) => v.pipe(schema, v.metadata({ ref: name }));

/** A page as `toPage` builds it (src/http/pagination.ts). */
export const pageOf = <S extends v.GenericSchema>(item: S) =>
  v.object({ data: v.array(item), next_cursor: v.nullable(v.string()) });

/** Timestamps as `isoTime` writes them: RFC 3339, UTC, milliseconds. */
export const timestamp = v.pipe(v.string(), v.isoTimestamp());
export const timestampOrNull = v.nullable(timestamp);
export const uuid = v.pipe(v.string(), v.uuid());
export const uuidOrNull = v.nullable(uuid);
export const stringOrNull = v.nullable(v.string());
export const numberOrNull = v.nullable(v.number());
/** A calendar date, YYYY-MM-DD. */
export const date = v.pipe(v.string(), v.isoDate());
/** A JSON object whose members the contract leaves open (audit metadata, job stats). */
export const jsonObject = v.record(v.string(), v.unknown());
