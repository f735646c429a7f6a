import { MinimumsByLevelSchema } from "../../domain/weather";

/** PUT /v1/settings/weather-minimums: every training level, every rule (null = no minimum). */
export const weatherMinimums = MinimumsByLevelSchema;
