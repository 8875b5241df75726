import type { PbxUser } from './pbx';
import { PbxError } from './pbx';

/**
 * `wp_setuserstate` as Oktell documents it: impossible moves are ignored (the reply is 200
 * whenever the user is found), and the call-centre mode drags other modes along.
 */
export function applyUserState(user: PbxUser, query: URLSearchParams, inCall: boolean): void {
	const flag = (name: string) => {
		const value = query.get(name);
		if (value === null || value === '') return undefined;
		if (value !== '0' && value !== '1') throw new PbxError(400, `${name} must be 0 or 1`);
		return value === '1';
	};
	const callCenter = flag('oncallcenter');
	if (callCenter === true) {
		user.callCenter = true;
		user.redirect = false;
	}
	if (callCenter === false) {
		user.callCenter = false;
		user.manual = false;
		user.lunch = false;
		if (user.state === 2) user.state = 1;
	}
	const redirect = flag('onredirect');
	if (redirect !== undefined && !user.callCenter) user.redirect = redirect;
	const manual = flag('onccmanual');
	if (manual !== undefined && user.callCenter) user.manual = manual;
	const lunch = flag('onlunch');
	if (lunch !== undefined && user.callCenter) {
		user.lunch = lunch;
		user.lunchReasonId = lunch ? (query.get('lunchreasonid') ?? undefined) : undefined;
		user.lunchReasonMsg = lunch ? (query.get('lunchreasonmsg') ?? undefined) : undefined;
		if (lunch && user.state === 1) user.state = 2;
	}
	const stateText = query.get('userstateid');
	if (stateText === null || stateText === '') return;
	const state = Number(stateText);
	if (![1, 2, 3, 5].includes(state))
		throw new PbxError(400, `userstateid ${stateText} cannot be set`);
	if (state === 1 && inCall) return;
	if (state === 2 && !user.callCenter) return;
	user.state = state;
}
