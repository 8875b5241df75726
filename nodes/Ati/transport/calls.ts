/** Per-call settings every ATI transport function takes: the item it serves and its deadline. */
export interface AtiCall {
	itemIndex?: number;
	timeoutMs?: number;
}
