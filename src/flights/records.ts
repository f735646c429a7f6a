/** One record of an uploaded file: its parsed fields, or why it could not be read. */
export type FileRecord = { row: number; fields: unknown } | { row: number; error: string };

export type FlightFileFormat = "ndjson" | "csv";

/** Reads a file chunk by chunk, so no more than one partial record is ever held in memory. */
export interface RecordReader {
  push(text: string): FileRecord[];
  end(): FileRecord[];
}

export function recordReader(format: FlightFileFormat): RecordReader {
  return format === "ndjson" ? ndjsonReader() : csvReader();
}

/** NDJSON: one JSON object per line; `row` is the line number, blank lines are skipped. */
function ndjsonReader(): RecordReader {
  let pending = "";
  let line = 0;
  const parse = (text: string): FileRecord[] => {
    line++;
    if (text.trim() === "") return [];
    try {
      return [{ row: line, fields: JSON.parse(text) }];
    } catch {
      return [{ row: line, error: "is not valid JSON" }];
    }
  };
  return {
    push(text) {
      pending += text;
      const out: FileRecord[] = [];
      let start = 0;
      for (let nl = pending.indexOf("\n"); nl !== -1; nl = pending.indexOf("\n", start)) {
        out.push(...parse(pending.slice(start, nl).replace(/\r$/, "")));
        start = nl + 1;
      }
      pending = pending.slice(start);
      return out;
    },
    end() {
      const rest = pending;
      pending = "";
      return rest === "" ? [] : parse(rest);
    },
  };
}

/**
 * CSV (RFC 4180): a header row names the fields; quoted fields may hold commas, quotes ("")
 * and line breaks. `row` counts data records from 1 (the header is not counted).
 */
function csvReader(): RecordReader {
  let header: string[] | null = null;
  let row = 0;
  let field = "";
  let fields: string[] = [];
  let quoted = false;
  // Inside quotes, a quote may end the field or start an escaped quote: decided by the next char.
  let quoteSeen = false;
  let fieldStarted = false;

  const finishRecord = (out: FileRecord[]) => {
    fields.push(field);
    const record = fields;
    field = "";
    fields = [];
    fieldStarted = false;
    if (record.length === 1 && record[0]!.trim() === "") return;
    if (header === null) {
      header = record.map((name) => name.trim().toLowerCase());
      return;
    }
    row++;
    if (record.length !== header.length) {
      out.push({ row, error: `has ${record.length} fields; the header has ${header.length}` });
      return;
    }
    out.push({ row, fields: Object.fromEntries(header.map((name, i) => [name, record[i]!.trim()])) });
  };

  const consume = (text: string, out: FileRecord[]) => {
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      if (quoted) {
        if (quoteSeen) {
          quoteSeen = false;
          if (ch === '"') {
            field += '"';
            continue;
          }
          quoted = false; // the quote closed the field; fall through to handle ch unquoted
        } else if (ch === '"') {
          quoteSeen = true;
          continue;
        } else {
          field += ch;
          continue;
        }
      }
      if (ch === '"' && !fieldStarted) {
        quoted = true;
        fieldStarted = true;
      } else if (ch === ",") {
        fields.push(field);
        field = "";
        fieldStarted = false;
      } else if (ch === "\n") {
        if (field.endsWith("\r")) field = field.slice(0, -1);
        finishRecord(out);
      } else {
        field += ch;
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
        field = "";
        fields = [];
        quoted = false;
      } else if (field !== "" || fields.length > 0) {
        finishRecord(out);
      }
      return out;
    },
  };
}
