import { MethodError } from '../bitrix-errors';
import type { Row } from './query';
import { RefusedValue, storedValue } from './field-storage';
import { nowStamp } from './store';

type Announce = (event: string, fields: Record<string, unknown>) => void;

/**
 * tasks.task.getFields as api-reference/tasks/tasks-task-get-fields.md answers it: UPPER_CASE
 * names, `required: true` on TITLE, CREATED_BY and RESPONSIBLE_ID (although tasks.task.add
 * needs only TITLE and RESPONSIBLE_ID: api-reference/tasks/tasks-task-add.md), enum `values`, and
 * no read-only flags. tasks.task.* records answer the same fields in camelCase. `readOnly` here
 * is the simulator's own: what the portal fills itself and does not take from a write.
 */
export const TASK_FIELDS: Record<
	string,
	{
		title: string | null;
		type: string;
		required?: boolean;
		readOnly?: boolean;
		values?: Record<string, string>;
	}
> = {
	ID: { title: 'ID', type: 'integer', readOnly: true },
	TITLE: { title: 'Название', type: 'string', required: true },
	DESCRIPTION: { title: 'Описание', type: 'string' },
	RESPONSIBLE_ID: { title: 'Исполнитель', type: 'integer', required: true },
	CREATED_BY: { title: 'Постановщик', type: 'integer', required: true },
	DEADLINE: { title: 'Крайний срок', type: 'datetime' },
	PRIORITY: {
		title: 'Приоритет',
		type: 'enum',
		values: { '2': 'Высокий', '1': 'Средний', '0': 'Низкий' },
	},
	STATUS: {
		title: 'Статус',
		type: 'enum',
		readOnly: true,
		values: { '2': 'Ждёт выполнения', '3': 'Выполняется', '5': 'Завершена' },
	},
	GROUP_ID: { title: 'Проект', type: 'integer' },
	CREATED_DATE: { title: null, type: 'datetime', readOnly: true },
	CHANGED_DATE: { title: 'Дата изменения', type: 'datetime', readOnly: true },
	CLOSED_DATE: { title: 'Дата закрытия', type: 'datetime', readOnly: true },
};

export const TASK_STATUS = { pending: '2', completed: '5' };

export const camelOf = (upper: string) =>
	upper.toLowerCase().replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

export class Tasks {
	rows: Row[] = [];
	/** Values written that their field's type cannot take (the portal drops them). */
	readonly refused: Array<{ field: string; value: unknown }> = [];

	constructor(private readonly announce: Announce) {}

	find(id: unknown): Row {
		const task = this.rows.find((row) => row.id === String(id));
		if (!task) throw new MethodError(400, 'ERROR_CORE', 'Задача не найдена или доступ запрещён');
		return task;
	}

	add(fields: unknown, creator: number): Row {
		const values = checkFields(fields);
		if (String(values.TITLE ?? '').trim() === '') {
			throw new MethodError(400, 'ERROR_CORE', 'Не указано название задачи');
		}
		if (String(values.RESPONSIBLE_ID ?? '').trim() === '') {
			throw new MethodError(400, 'ERROR_CORE', 'Не указан исполнитель');
		}
		const id = Math.max(0, ...this.rows.map((row) => Number(row.id))) + 1;
		const stamp = nowStamp();
		const task: Row = {
			id: String(id),
			title: '',
			description: '',
			responsibleId: String(creator),
			createdBy: String(creator),
			priority: '1',
			status: TASK_STATUS.pending,
			deadline: null,
			groupId: '0',
			createdDate: stamp,
			changedDate: stamp,
			closedDate: null,
		};
		this.write(task, values);
		this.rows.push(task);
		this.announce('ONTASKADD', { ID: String(id) });
		return task;
	}

	update(id: unknown, fields: unknown): Row {
		const task = this.find(id);
		this.write(task, checkFields(fields));
		task.changedDate = nowStamp();
		this.announce('ONTASKUPDATE', { ID: task.id });
		return task;
	}

	complete(id: unknown): Row {
		const task = this.find(id);
		task.status = TASK_STATUS.completed;
		task.closedDate = task.changedDate = nowStamp();
		this.announce('ONTASKUPDATE', { ID: task.id });
		return task;
	}

	delete(id: unknown): void {
		const task = this.find(id);
		this.rows = this.rows.filter((row) => row !== task);
		this.announce('ONTASKDELETE', { ID: task.id });
	}

	private write(task: Row, values: Row) {
		for (const [name, value] of Object.entries(values)) {
			const field = TASK_FIELDS[name.toUpperCase()];
			if (!field || field.readOnly) continue;
			const stored = storedValue(field, value);
			if (stored instanceof RefusedValue) this.refused.push({ field: name, value });
			else task[camelOf(name.toUpperCase())] = stored;
		}
	}
}

function checkFields(fields: unknown): Row {
	if (!fields || typeof fields !== 'object' || Array.isArray(fields)) {
		throw new MethodError(400, 'ERROR_CORE', 'Parameter fields is required');
	}
	return fields as Row;
}
