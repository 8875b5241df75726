export type Effect = 'read' | 'write';
