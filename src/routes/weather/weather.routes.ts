import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import type { AppEnv } from "../../app-env";
import { isoTime } from "../../http/present";
import { ApiError } from "../../http/problem";
import { validate } from "../../http/validation";
import { jsonResponse } from "../../openapi/responses";
import { weatherForecastsSelectByAirport as selectByAirport } from "../../../sql/queries/weather/weather_forecasts_select_by_airport.queries";
import { airportParam, forecastResponse } from "./weather.schemas";

export const weatherRoutes = new Hono<AppEnv>()
  .get(
    "/:airport",
    describeRoute({ summary: "The latest forecast (TAF) held for an airport", responses: { 200: jsonResponse(forecastResponse, "the forecast") } }),
    validate("param", airportParam),
    async (c) => {
      const { airport } = c.req.valid("param");
      const [row] = await c.var.db.query(selectByAirport, { airport }, { idempotent: true });
      if (!row) throw new ApiError("not_found", `No airport has the code ${airport}.`);
      if (row.issue_time === null) throw new ApiError("not_found", `No forecast is held for ${row.airport} yet.`);
      return c.json(
        {
          airport: row.airport,
          iata: row.iata,
          name: row.name,
          issue_time: isoTime(row.issue_time),
          valid_from: isoTime(row.valid_from),
          valid_to: isoTime(row.valid_to),
          fetched_at: isoTime(row.fetched_at),
          forecast: row.forecast,
        },
        200,
      );
    },
  );
