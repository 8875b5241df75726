/**
 * Builds one XDTO value (namespace http://v8.1c.ru/8.1/data/core) from XML events as they are
 * read: Structure → object, ValueTable → rows zipped with the reply's own column names, Array →
 * array, typed scalars → JSON scalars, nil → null. No tree of the XML is kept: each row is an
 * object as soon as its closing tag is read. Element names come without namespace prefixes.
 */
import type { XmlEvents } from '../../shared/xml/xml-reader';
import { setOwnKey } from '../../shared/xml/own-key';
import { attributeNamed } from '../../shared/xml/xml-reader';
import type { XdtoJson, XdtoObject } from './values';

const enum Role {
	/** `Value` or any element typed with xsi:type; also the root. */
	Value,
	Property,
	Column,
	ColumnName,
	ValueType,
	ColumnType,
	Row,
}

const enum Kind {
	Undecided,
	Scalar,
	Structure,
	Table,
	Array,
}

interface Column {
	name: string;
	/** The column's one type (local name), for row values without xsi:type. */
	type: string;
	types: number;
}

/** One open element; reused by depth, so reading a million elements allocates none of these. */
class Frame {
	role = Role.Value;
	kind = Kind.Undecided;
	nil = false;
	type = '';
	text = '';
	/** Property name, or the Property's value once read. */
	name: string | undefined = undefined;
	value: XdtoJson = null;
	hasValue = false;
	structure: XdtoObject | undefined = undefined;
	array: XdtoJson[] | undefined = undefined;
	columns: Column[] | undefined = undefined;
	rows: XdtoObject[] | undefined = undefined;
	row: XdtoObject | undefined = undefined;
	cell = 0;
	column: Column | undefined = undefined;

	reset(role: Role): this {
		this.role = role;
		this.kind = Kind.Undecided;
		this.nil = false;
		this.type = '';
		this.text = '';
		this.name = undefined;
		this.value = null;
		this.hasValue = false;
		this.structure = undefined;
		this.array = undefined;
		this.columns = undefined;
		this.rows = undefined;
		this.row = undefined;
		this.cell = 0;
		this.column = undefined;
		return this;
	}
}

function localName(type: string): string {
	const colon = type.indexOf(':');
	return colon === -1 ? type : type.slice(colon + 1);
}

export function xdtoScalar(type: string, text: string): XdtoJson {
	switch (type) {
		case 'string':
		case 'dateTime':
			return text;
		case 'boolean': {
			const flag = text.trim();
			return flag === 'true' || flag === '1';
		}
		case 'decimal':
		case 'integer':
		case 'int':
		case 'long':
		case 'double':
		case 'float': {
			const trimmed = text.trim();
			const number = Number(trimmed);
			if (Number.isNaN(number)) return text;
			if (Number.isInteger(number) && !Number.isSafeInteger(number)) return trimmed;
			return number;
		}
		default:
			return text;
	}
}

/**
 * Reads one XDTO value from the events of its element and everything inside it. `open` of the
 * value's own element comes first; `done` is true once its closing tag was read.
 */
export class XdtoValueReader implements XmlEvents {
	done = false;
	value: XdtoJson = null;
	private readonly frames: Frame[] = [];
	private top = -1;
	/** Depth inside elements XDTO does not define here, which are read past. */
	private skipping = 0;
	private typeAttribute = 'xsi:type';
	private nilAttribute = 'xsi:nil';

	/**
	 * `owner.valueRead()` is called when the value's closing tag has been read. An object rather
	 * than a callback: a closure made per reply would be a new call target for V8's optimized code
	 * each time, which it then throws away and compiles again.
	 */
	constructor(private readonly owner?: { valueRead(): void }) {}

	/** Drops the value and what the frames held; the reader is done. */
	letGo(): void {
		this.value = null;
		for (const frame of this.frames) frame.reset(Role.Value);
	}

	open(name: string, attributes: Record<string, string>): void {
		if (this.skipping > 0) {
			this.skipping++;
			return;
		}
		const parent = this.top >= 0 ? this.frames[this.top] : undefined;
		if (parent === undefined) return this.openValue(attributes, '');
		switch (parent.role) {
			case Role.Value:
				return this.openInValue(parent, name, attributes);
			case Role.Property:
				if (name === 'Value' && !parent.hasValue) return this.openValue(attributes, '');
				break;
			case Role.Column:
				if (name === 'Name') return void this.push(Role.ColumnName);
				if (name === 'ValueType') return void this.push(Role.ValueType);
				break;
			case Role.ValueType:
				if (name === 'Type') return void this.push(Role.ColumnType);
				break;
			case Role.Row:
				if (name === 'Value') {
					const column = this.frames[this.top - 1].columns![parent.cell];
					return this.openValue(attributes, column === undefined ? '' : column.type);
				}
				break;
		}
		this.skipping = 1;
	}

	text(text: string): void {
		if (this.skipping === 0 && this.top >= 0) this.frames[this.top].text += text;
	}

	close(): void {
		if (this.skipping > 0) {
			this.skipping--;
			return;
		}
		const frame = this.frames[this.top--];
		const parent = this.top >= 0 ? this.frames[this.top] : undefined;
		switch (frame.role) {
			case Role.Value:
				return this.deliver(parent, valueOf(frame));
			case Role.Property:
				if (frame.name !== undefined) setOwnKey(parent!.structure!, frame.name, frame.value);
				return;
			case Role.ColumnName:
				parent!.column!.name = frame.text;
				return;
			case Role.ColumnType: {
				const column = this.frames[this.top - 1].column!;
				column.types++;
				column.type = column.types === 1 ? localName(frame.text.trim()) : '';
				return;
			}
			case Role.Column:
				parent!.columns!.push(frame.column!);
				return;
			case Role.Row: {
				const row = frame.row!;
				const columns = parent!.columns!;
				for (let index = frame.cell; index < columns.length; index++) {
					setOwnKey(row, columns[index].name, null);
				}
				parent!.rows!.push(row);
				return;
			}
		}
	}

	private push(role: Role): Frame {
		const depth = ++this.top;
		const frame = this.frames[depth] ?? (this.frames[depth] = new Frame());
		return frame.reset(role);
	}

	private openValue(attributes: Record<string, string>, fallbackType: string): void {
		const frame = this.push(Role.Value);
		// Looked up by the names the reply uses (`xsi:type` mostly): a scan of the attributes is
		// needed only when that name is missing.
		let type = attributes[this.typeAttribute];
		if (type === undefined) {
			for (const name in attributes) {
				if (name.startsWith('xmlns')) continue;
				const local = localName(name);
				if (local === 'type') {
					type = attributes[name];
					this.typeAttribute = name;
					this.nilAttribute = `${name.slice(0, name.length - 4)}nil`;
				} else if (local === 'nil') this.nilAttribute = name;
			}
		}
		if (attributes[this.nilAttribute] === 'true') frame.nil = true;
		frame.type = type === undefined ? fallbackType : localName(type);
		switch (frame.type) {
			case 'Structure':
				frame.kind = Kind.Structure;
				frame.structure = {};
				break;
			case 'ValueTable':
				frame.kind = Kind.Table;
				frame.columns = [];
				frame.rows = [];
				break;
			case 'Array':
			case 'FixedArray':
				frame.kind = Kind.Array;
				frame.array = [];
				break;
			case '':
				break;
			default:
				frame.kind = Kind.Scalar;
		}
	}

	/** A child of a value: what it may be depends on the value's type (or, untyped, on the child). */
	private openInValue(parent: Frame, name: string, attributes: Record<string, string>): void {
		if (parent.kind === Kind.Undecided) {
			if (name === 'Property') {
				parent.kind = Kind.Structure;
				parent.structure = {};
			} else if (name === 'column' || name === 'row') {
				parent.kind = Kind.Table;
				parent.columns = [];
				parent.rows = [];
			}
		}
		if (parent.kind === Kind.Structure && name === 'Property') {
			const name = attributes.name ?? attributeNamed(attributes, 'name');
			this.push(Role.Property).name = name;
			return;
		}
		if (parent.kind === Kind.Table && name === 'column') {
			this.push(Role.Column).column = { name: '', type: '', types: 0 };
			return;
		}
		if (parent.kind === Kind.Table && name === 'row') {
			this.push(Role.Row).row = {};
			return;
		}
		if (parent.kind === Kind.Array && name === 'Value') return this.openValue(attributes, '');
		this.skipping = 1;
	}

	private deliver(parent: Frame | undefined, value: XdtoJson): void {
		if (parent === undefined) {
			this.value = value;
			this.done = true;
			this.owner?.valueRead();
			return;
		}
		switch (parent.role) {
			case Role.Property:
				parent.value = value;
				parent.hasValue = true;
				return;
			case Role.Row: {
				const column = this.frames[this.top - 1].columns![parent.cell++];
				if (column !== undefined) setOwnKey(parent.row!, column.name, value);
				return;
			}
			default:
				parent.array!.push(value);
		}
	}
}

function valueOf(frame: Frame): XdtoJson {
	if (frame.nil) return null;
	switch (frame.kind) {
		case Kind.Structure:
			return frame.structure!;
		case Kind.Table:
			return frame.rows!;
		case Kind.Array:
			return frame.array!;
		default:
			return xdtoScalar(frame.type, frame.text);
	}
}
