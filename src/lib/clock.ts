/** Time comes in through this, so tests and the demo can set it. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
