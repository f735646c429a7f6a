/** One record of an uploaded file: its parsed fields, or why it could not be read. */
export type FileRecord = { row: number; fields: unknown } | { row: number; error: string };

export type FlightFileFormat = "ndjson" | "csv";

/** A flight record is a few hundred characters: a longer line or CSV record is refused, unread. */
export const MAX_RECORD_CHARS = 16_384;
/** A flight record is one flat object; deeper JSON is refused before it is parsed. */
export const MAX_JSON_DEPTH = 8;
/** Flight files have a dozen fields or so; a header with more is refused as a whole. */
export const MAX_CSV_COLUMNS = 64;

/** The file cannot be read at all (e.g. a CSV header past the column limit): no row is usable. */
export class UnreadableFile extends Error {
  override name = "UnreadableFile";
}

/**
 * Reads a file chunk by chunk, so no more than one partial record is ever held in memory (and
 * never more than MAX_RECORD_CHARS of it). Each character is looked at a bounded number of times,
 * so reading takes time linear in the file's size whatever its shape.
 */
export interface RecordReader {
  push(text: string): FileRecord[];
  end(): FileRecord[];
}

export function recordReader(format: FlightFileFormat): RecordReader {
  return format === "ndjson" ? ndjsonReader() : csvReader();
}

/** How deep the arrays and objects of a JSON text go, counted outside strings; stops past `limit`. */
function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92) i++; // backslash: the next character is escaped
      else if (ch === 34) inString = false;
    } else if (ch === 34) inString = true;
    else if (ch === 91 || ch === 123) {
      if (++depth > limit) return true;
    } else if (ch === 93 || ch === 125) depth--;
  }
  return false;
}

/** NDJSON: one JSON object per line; `row` is the line number, blank lines are skipped. */
function ndjsonReader(): RecordReader {
  // The current line's text so far, in pieces (joined once, when its newline comes).
  let pieces: string[] = [];
  let pendingChars = 0;
  let overlong = false;
  let line = 0;
  const parse = (text: string): FileRecord[] => {
    line++;
    if (overlong) {
      overlong = false;
      return [{ row: line, error: `is longer than ${MAX_RECORD_CHARS} characters` }];
    }
    if (text.trim() === "") return [];
    if (jsonDepthExceeds(text, MAX_JSON_DEPTH)) return [{ row: line, error: `nests deeper than ${MAX_JSON_DEPTH} levels` }];
    try {
      return [{ row: line, fields: JSON.parse(text) }];
    } catch {
      return [{ row: line, error: "is not valid JSON" }];
    }
  };
  const hold = (text: string) => {
    if (overlong || text === "") return;
    pendingChars += text.length;
    if (pendingChars > MAX_RECORD_CHARS) {
      overlong = true;
      pieces = [];
      pendingChars = 0;
    } else pieces.push(text);
  };
  const take = (last: string): string => {
    const text = pieces.length === 0 ? last : pieces.join("") + last;
    pieces = [];
    pendingChars = 0;
    return text.endsWith("\r") ? text.slice(0, -1) : text;
  };
  return {
    push(text) {
      const out: FileRecord[] = [];
      let start = 0;
      for (let nl = text.indexOf("\n"); nl !== -1; nl = text.indexOf("\n", start)) {
        hold(text.slice(start, nl));
        out.push(...parse(overlong ? "" : take("")));
        start = nl + 1;
      }
      hold(text.slice(start));
      return out;
    },
    end() {
      if (!overlong && pieces.length === 0) return [];
      return parse(overlong ? "" : take(""));
    },
  };
}

/**
 * CSV (RFC 4180): a header row names the fields; quoted fields may hold commas, quotes ("")
 * and line breaks. `row` counts data records from 1 (the header is not counted). A record longer
 * than MAX_RECORD_CHARS or with more than MAX_CSV_COLUMNS fields is refused without being kept.
 */
function csvReader(): RecordReader {
  let header: string[] | null = null;
  let row = 0;
  let field: string[] = [];
  let fields: string[] = [];
  let fieldCount = 0;
  let recordChars = 0;
  let quoted = false;
  // Inside quotes, a quote may end the field or start an escaped quote: decided by the next char.
  let quoteSeen = false;
  let fieldStarted = false;
  let refused: string | null = null;

  const endField = () => {
    fieldCount++;
    if (refused === null && fieldCount > MAX_CSV_COLUMNS) {
      refused = `has more than ${MAX_CSV_COLUMNS} fields`;
      if (header === null) throw new UnreadableFile(`The CSV header has more than ${MAX_CSV_COLUMNS} columns.`);
    }
    if (refused === null) fields.push(field.join(""));
    field = [];
    fieldStarted = false;
  };

  const finishRecord = (out: FileRecord[]) => {
    endField();
    const record = fields;
    const problem = refused;
    fields = [];
    fieldCount = 0;
    recordChars = 0;
    refused = null;
    if (problem === null && record.length === 1 && record[0]!.trim() === "") return;
    if (header === null) {
      if (problem !== null) throw new UnreadableFile(`The CSV header ${problem.replace("has", "is")}.`);
      header = record.map((name) => name.trim().toLowerCase());
      return;
    }
    row++;
    if (problem !== null) {
      out.push({ row, error: problem });
      return;
    }
    if (record.length !== header.length) {
      out.push({ row, error: `has ${record.length} fields; the header has ${header.length}` });
      return;
    }
    out.push({ row, fields: Object.fromEntries(header.map((name, i) => [name, record[i]!.trim()])) });
  };

  const keep = (ch: string) => {
    if (refused !== null) return;
    if (++recordChars > MAX_RECORD_CHARS) {
      refused = `is longer than ${MAX_RECORD_CHARS} characters`;
      if (header === null) throw new UnreadableFile(`The CSV header is longer than ${MAX_RECORD_CHARS} characters.`);
      field = [];
      fields = [];
      return;
    }
    field.push(ch);
  };

  const consume = (text: string, out: FileRecord[]) => {
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      if (quoted) {
        if (quoteSeen) {
          quoteSeen = false;
          if (ch === '"') {
            keep('"');
            continue;
          }
          quoted = false; // the quote closed the field; fall through to handle ch unquoted
        } else if (ch === '"') {
          quoteSeen = true;
          continue;
        } else {
          keep(ch);
          continue;
        }
      }
      if (ch === '"' && !fieldStarted) {
        quoted = true;
        fieldStarted = true;
      } else if (ch === ",") {
        endField();
      } else if (ch === "\n") {
        if (field[field.length - 1] === "\r") field.pop();
        finishRecord(out);
      } else {
        keep(ch);
        fieldStarted = true;
      }
    }
  };

  return {
    push(text) {
      const out: FileRecord[] = [];
      consume(text, out);
      return out;
    },
    end() {
      const out: FileRecord[] = [];
      if (quoted && quoteSeen) quoted = quoteSeen = false;
      if (quoted) {
        row++;
        out.push({ row, error: "has a quoted field that never ends" });
        field = [];
        fields = [];
        quoted = false;
      } else if (field.length > 0 || fields.length > 0 || fieldCount > 0 || refused !== null) {
        finishRecord(out);
      }
      return out;
    },
  };
}
