/** Sets a key as a reply names it; `__proto__` too, as a plain key rather than a prototype. */
export function setOwnKey<T>(target: Record<string, T>, key: string, value: T): void {
	if (key === '__proto__') {
		Object.defineProperty(target, key, {
			value,
			enumerable: true,
			writable: true,
			configurable: true,
		});
	} else target[key] = value;
}
