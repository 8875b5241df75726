export { EraSimulator, createEraSimulator, type EraSimulatorOptions } from './era-simulator';
export {
	ERA_BAN_FAILURES,
	ERA_BAN_WINDOW_MS,
	ERA_DEMO_CREDENTIALS,
	ERA_DEMO_POINTS,
	type EraUser,
} from './demo-data';
