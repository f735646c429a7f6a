-- Default weather minimums per training level (null = no minimum). DO NOTHING: an admin's
-- change made through PUT /v1/settings/weather-minimums must survive re-seeding.
INSERT INTO settings (key, value) VALUES ('weather_minimums', '{
  "STUDENT_PILOT":    {"ceiling_min_ft": 3000, "visibility_min_sm": 5,    "wind_max_kt": 10, "gust_max_kt": 15, "thunderstorms_allowed": false, "icing_allowed": false, "crosswind_max_kt": 10},
  "PRIVATE_PILOT":    {"ceiling_min_ft": 1000, "visibility_min_sm": 3,    "wind_max_kt": 20, "gust_max_kt": 25, "thunderstorms_allowed": false, "icing_allowed": false, "crosswind_max_kt": 15},
  "INSTRUMENT_RATED": {"ceiling_min_ft": null, "visibility_min_sm": null, "wind_max_kt": 30, "gust_max_kt": 35, "thunderstorms_allowed": false, "icing_allowed": false, "crosswind_max_kt": 20}
}'::jsonb)
ON CONFLICT (key) DO NOTHING;
