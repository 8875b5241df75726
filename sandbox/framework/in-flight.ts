/** Counts the vendor requests being answered at once, and the most seen since the last reset. */
export class InFlightGauge {
	private current = 0;
	private highest = 0;

	get peak(): number {
		return this.highest;
	}

	/** Counts one request in; call what it returns when its reply is sent. */
	enter(): () => void {
		this.current++;
		this.highest = Math.max(this.highest, this.current);
		let left = false;
		return () => {
			if (left) return;
			left = true;
			this.current--;
		};
	}

	reset(): void {
		this.highest = this.current;
	}
}
