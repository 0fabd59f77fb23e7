#!/bin/sh
# Runs once, when the postgres service initialises an empty volume: the least-privileged login
# the API connects as. The migrations (run as the owner, POSTGRES_USER) grant beacon_app what the
# app needs and no more: no DDL, no changing or deleting audit rows (docs/security.md).
set -eu
psql -v ON_ERROR_STOP=1 -v app_password="$APP_DB_PASSWORD" --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<'SQL'
CREATE ROLE beacon_app NOLOGIN;
CREATE ROLE beacon_api LOGIN PASSWORD :'app_password' IN ROLE beacon_app;
SQL
