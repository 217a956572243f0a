/** The units' lights of the report and the pane: the one rule set of ../lights.ts, re-exported for the charts' users. */
export { unitLights, compareLights, lightOf, type Light, type UnitLight, type LightContext } from "../lights.js";
