-- btree_gist lets one exclusion constraint mix equality (resource) with range overlap (time):
-- the reservation engine relies on it. Trusted extension since PostgreSQL 13.
CREATE EXTENSION IF NOT EXISTS btree_gist;
