import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants, crc32, deflateRawSync } from 'node:zlib';

/** Files for the preview's reader to refuse: zips written by hand, so their sizes can be anything. */

export function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'abm-preview-hostile-'));
}

interface Entry {
  name: string;
  /** The raw deflate stream. */
  deflated: Buffer;
  crc: number;
  /** What the headers say it unpacks to (a zip bomb may say less). */
  declaredSize: number;
}

function entry(name: string, text: string): Entry {
  const data = Buffer.from(text, 'utf8');
  return { name, deflated: deflateRawSync(data), crc: crc32(data), declaredSize: data.length };
}

/**
 * The fields a local header (from byte 4) and a central-directory header (from byte 6) share:
 * version needed 2.0, no flags, deflate, a 1980-01-01 date, CRC-32, both sizes, the name's length.
 */
function commonFields(header: Buffer, at: number, e: Entry, nameLength: number): Buffer {
  header.writeUInt16LE(20, at);
  header.writeUInt16LE(8, at + 4);
  header.writeUInt16LE(0x21, at + 8);
  header.writeUInt32LE(e.crc >>> 0, at + 10);
  header.writeUInt32LE(e.deflated.length, at + 14);
  header.writeUInt32LE(e.declaredSize, at + 18);
  header.writeUInt16LE(nameLength, at + 22);
  return header;
}

/** A zip of the entries, deflated, with local headers, a central directory and its end record (fields not written stay 0). */
export function zip(entries: Entry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = commonFields(Buffer.alloc(30), 4, e, name.length);
    local.writeUInt32LE(0x04034b50, 0);
    const central = commonFields(Buffer.alloc(46), 6, e, name.length);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by version 2.0
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.deflated);
    centrals.push(central, name);
    offset += local.length + name.length + e.deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DOC = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const SHEET_START = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}"><sheetData>`;
export const SHEET_END = '</sheetData></worksheet>';

/** The parts of a one-sheet workbook ("Accounts") around its sheet XML. */
function workbookParts(): Entry[] {
  return [
    entry(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
    entry('_rels/.rels', `<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${DOC}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    entry('xl/workbook.xml', `<workbook xmlns="${MAIN}" xmlns:r="${DOC}"><sheets><sheet name="Accounts" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    entry(
      'xl/_rels/workbook.xml.rels',
      `<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${DOC}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ),
  ];
}

/** A plain one-sheet .xlsx whose sheet XML is `sheetXml`. */
export function xlsx(sheetXml: string): Buffer {
  return zip([...workbookParts(), entry('xl/worksheets/sheet1.xml', sheetXml)]);
}

/**
 * A zip bomb: an .xlsx of about a megabyte whose sheet XML is `rows` copies of one small row, some
 * hundreds of megabytes once unpacked. The sheet's deflate stream is one compressed block of 1 MB
 * of rows repeated (each block ends in a full flush, so copies follow one another as they are).
 * `declaredSize`: what its headers say the sheet unpacks to (the truth when not given).
 */
export function zipBomb(megabytes: number, declaredSize?: number): Buffer {
  const row = '<row r="1"><c r="A1"><v>1</v></c></row>';
  const block = Buffer.from(row.repeat(Math.floor((1024 * 1024) / row.length)), 'utf8');
  const flush = { finishFlush: constants.Z_FULL_FLUSH, level: 9 };
  const head = Buffer.from(SHEET_START, 'utf8');
  const tail = Buffer.from(SHEET_END, 'utf8');
  const packed = deflateRawSync(block, flush);
  const pieces: Buffer[] = [deflateRawSync(head, flush)];
  let crc = crc32(head);
  for (let i = 0; i < megabytes; i++) {
    pieces.push(packed);
    crc = crc32(block, crc);
  }
  pieces.push(deflateRawSync(tail, flush), Buffer.from([0x03, 0x00])); // an empty final block ends the stream
  crc = crc32(tail, crc);
  const size = head.length + block.length * megabytes + tail.length;
  return zip([...workbookParts(), { name: 'xl/worksheets/sheet1.xml', deflated: Buffer.concat(pieces), crc, declaredSize: declaredSize ?? size }]);
}

export function write(dir: string, name: string, content: Buffer | string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

export function mkfifo(path: string): string {
  const made = spawnSync('mkfifo', [path]);
  if (made.status !== 0) throw new Error(`mkfifo ${path} failed: ${made.stderr.toString()}`);
  return path;
}
