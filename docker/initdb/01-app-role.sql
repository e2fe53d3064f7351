-- Runs once, when the postgres:15 container initialises an empty volume, as
-- POSTGRES_USER (journal, a SUPERUSER) connected to POSTGRES_DB (journal).
--
-- Superusers and BYPASSRLS roles ignore row-level security, so the application must
-- NOT connect as "journal" here. It connects as journal_app: no superuser, no
-- BYPASSRLS, owner of database journal (and, on PostgreSQL 15, thereby of schema
-- public, which belongs to pg_database_owner), so migrations can create tables.
-- Tables it owns still need FORCE ROW LEVEL SECURITY for policies to apply to it.
--
-- Demo password; change it together with ConnectionStrings__Journal in docker-compose.yml.

CREATE ROLE journal_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEROLE NOCREATEDB PASSWORD 'journal_app';
ALTER DATABASE journal OWNER TO journal_app;
REVOKE ALL ON DATABASE journal FROM PUBLIC;
