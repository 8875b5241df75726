export { SimulatorServer, type SimulatorServerOptions } from './simulator-server';
export { CONTROL_PREFIX } from './control-routes';
export { FaultInjector, type Fault, type FaultMatch } from './faults';
export { SlidingWindowRateLimiter, type RateLimiterOptions } from './rate-limiter';
export { InvalidJsonError } from './sim-request';
export { jsonError } from './json-error';
export { JSON_CONTENT_TYPE } from './write-response';
export type { LoggedRequest, RouteHandler, RouteParams, SimRequest, SimResponse } from './types';
