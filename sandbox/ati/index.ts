export { AtiSimulator, createAtiSimulator, type AtiSimulatorOptions } from './ati-simulator';
export {
	ATI_DEMO_BALANCE,
	ATI_DEMO_CONTACTS,
	ATI_DEMO_TOKEN,
	ATI_REQUESTS_PER_SECOND,
} from './demo-data';
