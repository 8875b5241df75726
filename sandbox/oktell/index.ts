export {
	OktellSimulator,
	createOktellSimulator,
	type OktellSimulatorOptions,
} from './oktell-simulator';
export { OKTELL_DEMO_CREDENTIALS } from './demo-data';
