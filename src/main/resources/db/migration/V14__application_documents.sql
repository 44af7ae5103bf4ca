-- The current document of each requirement of an application. A replacement overwrites the row:
-- only the file that will be examined is kept; the upload itself is not workflow evidence.
create table application_document (
    application_id   uuid        not null references application (id),
    requirement_code text        not null,
    format           text        not null check (format in ('PDF', 'JPEG', 'PNG')),
    size_bytes       integer     not null check (size_bytes > 0),
    sha256           text        not null check (sha256 ~ '^[0-9a-f]{64}$'),
    uploaded_by      text        not null,
    uploaded_at      timestamptz not null,
    content          bytea       not null,
    primary key (application_id, requirement_code)
);
