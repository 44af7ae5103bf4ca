-- Document bytes move from one bytea value per document to numbered chunks of at most 256 KiB, so
-- neither an upload nor a download ever holds a whole file in memory: an upload is written chunk by
-- chunk from a temporary file, a download reads one chunk at a time while it is being sent.
-- Each stored version of a document has its own content id; a replacement writes new chunks and
-- removes the old ones in the same transaction.
create table application_document_chunk (
    content_id uuid    not null,
    seq        integer not null check (seq >= 0),
    data       bytea   not null check (length(data) between 1 and 262144),
    primary key (content_id, seq)
);
-- PDFs, JPEGs and PNGs are already compressed: do not spend CPU trying again.
alter table application_document_chunk alter column data set storage external;

alter table application_document add column content_id uuid;
update application_document set content_id = gen_random_uuid();
insert into application_document_chunk (content_id, seq, data)
    select d.content_id, s.seq, substring(d.content from s.seq * 262144 + 1 for 262144)
    from application_document d, generate_series(0, (length(d.content) - 1) / 262144) as s(seq);
alter table application_document alter column content_id set not null;
create unique index application_document_content on application_document (content_id);
alter table application_document drop column content;
