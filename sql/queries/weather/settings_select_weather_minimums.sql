/* @name SettingsSelectWeatherMinimums */
-- The weather minimums per training level, as an admin last set them.
SELECT value, updated_at, updated_by FROM settings WHERE key = 'weather_minimums';
