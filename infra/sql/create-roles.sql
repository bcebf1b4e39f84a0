-- First run only: create the owner role and the application role, and hand the database to the
-- owner. Run as the server administrator (postgresAdminLogin, default gnadmin) from a host that
-- reaches the private server (an agent of the VNet's Managed DevOps Pool, or a VM in the VNet):
--
--   psql "host=<postgresFqdn> port=5432 dbname=gemensamnamnd user=gnadmin sslmode=require" \
--        -v owner_role=gn_owner -v app_role=gn_app \
--        -v owner_password="$GN_PG_OWNER_PASSWORD" -v app_password="$GN_PG_APP_PASSWORD" \
--        -f infra/sql/create-roles.sql
--
-- Neither role may bypass row-level security. The application role owns nothing: table owners
-- bypass RLS unless the table forces it, so it must never become an owner. The migrate command
-- (run under the owner role) creates the tables and grants the application role its rights.

\set ON_ERROR_STOP on

CREATE ROLE :"owner_role" WITH LOGIN PASSWORD :'owner_password'
    NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
CREATE ROLE :"app_role" WITH LOGIN PASSWORD :'app_password'
    NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;

-- PostgreSQL 16: the administrator created the role and holds ADMIN OPTION on it, but must be
-- able to SET ROLE to it to make it a database owner.
GRANT :"owner_role" TO CURRENT_USER WITH INHERIT FALSE, SET TRUE;

-- The owner owns the database (and so, from PostgreSQL 15 on, may create in schema public, which
-- belongs to pg_database_owner) and can create the Hangfire schema.
ALTER DATABASE gemensamnamnd OWNER TO :"owner_role";

-- Granted as the new owner (explicitly, so it survives a later REVOKE ... FROM PUBLIC).
SET ROLE :"owner_role";
GRANT CONNECT, TEMPORARY ON DATABASE gemensamnamnd TO :"app_role";
RESET ROLE;

-- Checks: both must show rolbypassrls = false, and the application role must own no relation.
SELECT rolname, rolsuper, rolbypassrls FROM pg_roles WHERE rolname IN (:'owner_role', :'app_role');
